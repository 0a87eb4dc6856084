/**
 * The honor figures of an organization's subtree for a reporting period (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl), and the counts by kind × level × recipient kind. Each is computed
 * from the records in one query (plus the organization's lookup), never from stored totals.
 *
 * Decisions, stated once (they are repeated in each figure's computation text):
 * - An honor counts in the period that holds its 授予日期 (awarded_on), for the honors recorded in the subtree (the
 *   honor's org_id: the member's organization, the recipient organization, or the recording one).
 * - Revocation: the figures are the records as they stood at the period's end. An honor revoked on or before the
 *   period's end is left out of every count of the period; one revoked later still counts (so a closed period's
 *   figures do not change when an honor is revoked afterwards). The breakdown reports the ones left out.
 * - Persons are distinct members (by member record), and distinct names within an organization for people recorded
 *   by name; counts of nominations and of 评选 are of records (each nomination, each quarter's award is one).
 * - 上级命名 (honors_received_individual): a 命名 at any level but 本单位 (see HIGHER_LEVELS in honor-rules.ts).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Figure, FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { HONOR_KINDS, LEVELS, RECIPIENT_KINDS } from '../../shared/vocab.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { rootOf } from '../dues/dues-ledger.js';
import { CONFERRING_KINDS, HIGHER_LEVELS } from './honor-rules.js';
import type { HonorBreakdownView } from './honors.schema.js';

/** The title that marks 优秀党务工作者 (a title containing it: 全县优秀党务工作者 counts too). */
export const PARTY_WORKER_TITLE = '优秀党务工作者';

interface FigureRow {
  id: number;
  kind: string;
  recipient_kind: string;
  membership_id: number | null;
  recipient_org_id: number | null;
  recipient_name: string;
  org_id: number;
  title: string;
  level: string;
  awarded_on: string;
}

function subtreeFilter(root: string | null) {
  return root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
}

/** The person an individual honor goes to: the member, or the name within the recording organization. */
function personKey(r: FigureRow): string {
  return r.membership_id !== null ? `m${r.membership_id}` : `n${r.org_id}:${r.recipient_name}`;
}

const REVOCATION = '期末前已撤销的不计';

export async function honorFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const rows: FigureRow[] = await ctx.db
    .selectFrom('honors as h')
    .innerJoin('organizations as o', 'o.id', 'h.org_id')
    .select(['h.id', 'h.kind', 'h.recipient_kind', 'h.membership_id', 'h.recipient_org_id', 'h.recipient_name', 'h.org_id', 'h.title', 'h.level', 'h.awarded_on'])
    .where(subtreeFilter(root))
    .where('h.awarded_on', '<=', period.end)
    .where((eb) => eb.or([eb('h.revoked_on', 'is', null), eb('h.revoked_on', '>', period.end)]))
    .orderBy('h.id')
    .execute();
  const inPeriod = rows.filter((r) => r.awarded_on >= period.start);

  const records = (pick: (r: FigureRow) => boolean) => inPeriod.filter(pick);
  const distinct = (list: FigureRow[], key: (r: FigureRow) => string) => new Set(list.map(key)).size;
  const figure = (id: string, label: string, unit: string, list: FigureRow[], value: number, computation: string): Figure => ({
    id,
    label,
    unit,
    value,
    computation,
    evidence: { table: 'honors', ids: list.map((r) => r.id) },
  });
  const persons = (id: string, label: string, unit: string, pick: (r: FigureRow) => boolean, computation: string): Figure => {
    const list = records(pick);
    return figure(id, label, unit, list, distinct(list, personKey), computation);
  };
  const count = (id: string, label: string, unit: string, pick: (r: FigureRow) => boolean, computation: string): Figure => {
    const list = records(pick);
    return figure(id, label, unit, list, list.length, computation);
  };
  const individual = (kind: string) => (r: FigureRow) => r.recipient_kind === '个人' && r.kind === kind;
  const collective = (kind: string) => (r: FigureRow) => r.recipient_kind === '集体' && r.kind === kind;

  const commendedOrgs = records((r) => collective('表彰')(r) && r.recipient_org_id !== null);
  const held = rows.filter((r) => r.recipient_kind === '个人' && (CONFERRING_KINDS as readonly string[]).includes(r.kind));

  const figures: Figure[] = [
    persons('honors_members', '受表彰个人', '人', individual('表彰'), `期内授予个人的表彰，按人去重（党员按党员记录，非党员按登记组织内姓名）；${REVOCATION}`),
    figure(
      'honors_orgs',
      '受表彰党组织',
      '个',
      commendedOrgs,
      new Set(commendedOrgs.map((r) => r.recipient_org_id)).size,
      `期内授予本系统中党组织的集体表彰，按组织去重（按名称登记的系统外单位不计）；${REVOCATION}`,
    ),
    persons(
      'honors_party_workers',
      '受表彰优秀党务工作者',
      '名',
      (r) => individual('表彰')(r) && r.title.includes(PARTY_WORKER_TITLE),
      `期内称号含“${PARTY_WORKER_TITLE}”的个人表彰，按人去重；${REVOCATION}`,
    ),
    persons(
      'honors_received_individual',
      '获上级命名个人',
      '人',
      (r) => individual('命名')(r) && (HIGHER_LEVELS as readonly string[]).includes(r.level),
      `期内级别为${HIGHER_LEVELS.join('、')}（本单位以外，即上级）的个人命名，按人去重；${REVOCATION}`,
    ),
    count('honor_nominations_individual', '推荐个人人选', '名', individual('推荐'), `期内向上级推荐的个人人选条数（每次推荐计1名）；${REVOCATION}`),
    count('honor_nominations_collective', '推荐集体', '个', collective('推荐'), `期内向上级推荐的集体条数；${REVOCATION}`),
    figure(
      'honors_held',
      '荣誉称号持有人数',
      '名',
      held,
      distinct(held, personKey),
      `截至期末（${period.end}）授予个人、未撤销的荣誉（表彰、命名、选树、评选，推荐不计）的持有人数，按人去重`,
    ),
    count(
      'model_households_selected',
      '选树模范家庭',
      '户',
      (r) => r.recipient_kind === '家庭' && r.kind === '选树',
      `期内选树的家庭（最美家庭、文明家庭等）条数；${REVOCATION}`,
    ),
    persons('model_persons_selected', '选树典型个人', '名', individual('选树'), `期内选树的个人典型，按人去重；${REVOCATION}`),
    count('quarterly_stars', '评选个人（季度之星等）', '名', individual('评选'), `期内个人评选（季度之星等）的条数，每次评选计1名；${REVOCATION}`),
    count('quarterly_excellent_units', '评选先进集体（优秀科室等）', '个', collective('评选'), `期内集体评选（优秀科室等）的条数；${REVOCATION}`),
  ];
  return { org, period, figures };
}

function ordered<T extends string>(list: readonly T[], value: string): number {
  const i = (list as readonly string[]).indexOf(value);
  return i < 0 ? list.length : i;
}

/** Honors of the period by kind × level × recipient kind (one grouped query), and by kind and by level. */
export async function honorBreakdown(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<HonorBreakdownView> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const groups = await ctx.db
    .selectFrom('honors as h')
    .innerJoin('organizations as o', 'o.id', 'h.org_id')
    .select([
      'h.kind',
      'h.level',
      'h.recipient_kind',
      sql<number>`sum(case when h.revoked_on is null or h.revoked_on > ${period.end} then 1 else 0 end)`.as('n'),
      sql<number>`sum(case when h.revoked_on is null or h.revoked_on > ${period.end} then 0 else 1 end)`.as('revoked'),
    ])
    .where(subtreeFilter(root))
    .where('h.awarded_on', '>=', period.start)
    .where('h.awarded_on', '<=', period.end)
    .groupBy(['h.kind', 'h.level', 'h.recipient_kind'])
    .execute();
  const rows = groups
    .map((g) => ({ kind: g.kind, level: g.level, recipientKind: g.recipient_kind, count: Number(g.n) }))
    .filter((r) => r.count > 0)
    .sort(
      (a, b) =>
        ordered(HONOR_KINDS, a.kind) - ordered(HONOR_KINDS, b.kind) ||
        ordered(LEVELS, a.level) - ordered(LEVELS, b.level) ||
        ordered(RECIPIENT_KINDS, a.recipientKind) - ordered(RECIPIENT_KINDS, b.recipientKind),
    );
  const sumBy = (key: 'kind' | 'level', order: readonly string[]) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r[key], (totals.get(r[key]) ?? 0) + r.count);
    return [...totals].sort((a, b) => ordered(order, a[0]) - ordered(order, b[0]));
  };
  return {
    org,
    period,
    rows,
    byKind: sumBy('kind', HONOR_KINDS).map(([kind, count]) => ({ kind, count })),
    byLevel: sumBy('level', LEVELS).map(([level, count]) => ({ level, count })),
    total: rows.reduce((s, r) => s + r.count, 0),
    revokedInPeriod: groups.reduce((s, g) => s + Number(g.revoked), 0),
  };
}
