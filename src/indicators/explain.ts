/**
 * One figure explained: its indicator, value for an organization's subtree and a period, how it was computed, and
 * (asked for) the records behind it, listed one line each — `dangjian indicator ID` and GET /api/indicators/:id.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import type { Figure } from '../shared/figures.js';
import { parsePeriod, type Period } from '../shared/period.js';
import { computeIndicators, getIndicator, type Indicator } from './registry.js';

export interface EvidenceItem {
  id: number;
  org: string | null;
  orgName: string | null;
  date: string | null;
  text: string;
}

export interface ExplainedFigure {
  indicator: Indicator;
  org: { code: string; name: string } | null;
  period: Period;
  figure: Figure | null;
  /** The records behind the figure (all ids), and a page of them described. */
  evidence: { table: string; total: number; ids: number[]; items: EvidenceItem[] } | null;
}

/** Columns that say what a record is, in order of preference; dates likewise. Personal data is never among them. */
const TEXT_COLUMNS = ['title', 'topic', 'name', 'person_name', 'recipient_name', 'campaign', 'description', 'kind', 'indicator_id', 'status'];
const DATE_COLUMNS = ['held_on', 'happened_on', 'awarded_on', 'published_on', 'studied_on', 'donated_on', 'found_on', 'started_on', 'start_on', 'deadline', 'conversion_approved_on', 'approved_on', 'candidate_on', 'activist_on', 'applied_on', 'left_on', 'joined_on', 'established_on', 'paid_on', 'entered_on', 'created_at'];

export async function describeRecords(ctx: Ctx, table: string, ids: readonly number[]): Promise<EvidenceItem[]> {
  if (ids.length === 0) return [];
  const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} where id in (${sql.join(ids.map((id) => sql`${id}`))})`.execute(ctx.db)).rows;
  const orgIds = [...new Set(rows.map((r) => r['org_id']).filter((v): v is number => typeof v === 'number'))];
  const orgs = orgIds.length
    ? new Map((await ctx.db.selectFrom('organizations').select(['id', 'code', 'name']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o]))
    : new Map<number, { code: string; name: string }>();
  const names =
    table === 'memberships'
      ? new Map(
          (
            await ctx.db
              .selectFrom('memberships as m')
              .innerJoin('people as p', 'p.id', 'm.person_id')
              .select(['m.id', 'p.name'])
              .where('m.id', 'in', [...ids])
              .execute()
          ).map((r) => [r.id, r.name]),
        )
      : null;
  const byId = new Map(rows.map((r) => [Number(r['id']), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const org = typeof r['org_id'] === 'number' ? orgs.get(r['org_id']) : table === 'organizations' ? { code: String(r['code']), name: String(r['name']) } : undefined;
    const dateCol = DATE_COLUMNS.find((c) => r[c] !== undefined && r[c] !== null);
    const textParts = TEXT_COLUMNS.filter((c) => typeof r[c] === 'string' && r[c] !== '').slice(0, 2).map((c) => String(r[c]));
    const text = names?.get(id) ? [names.get(id)!, String(r['status'] ?? '')].filter(Boolean).join('，') : textParts.join('，');
    return [{ id, org: org?.code ?? null, orgName: org?.name ?? null, date: dateCol ? String(r[dateCol]).slice(0, 10) : null, text }];
  });
}

export async function explainFigure(
  ctx: Ctx,
  q: { id: string; orgCode?: string | undefined; period: string; evidence?: boolean | undefined; offset?: number | undefined; limit?: number | undefined },
): Promise<ExplainedFigure> {
  const indicator = getIndicator(q.id);
  const period = parsePeriod(q.period);
  const computed = await computeIndicators(ctx, { orgCode: q.orgCode, period, ids: [q.id] });
  const figure = computed.values.get(q.id)?.figure ?? null;
  let evidence: ExplainedFigure['evidence'] = null;
  if (figure && q.evidence) {
    const ids = figure.evidence.ids;
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 50;
    evidence = { table: figure.evidence.table, total: ids.length, ids: [...ids], items: await describeRecords(ctx, figure.evidence.table, ids.slice(offset, offset + limit)) };
  }
  return { indicator, org: computed.org, period, figure, evidence };
}
