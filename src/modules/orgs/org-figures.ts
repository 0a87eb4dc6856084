/**
 * The organization figures of a subtree for a reporting period (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl whose source is the organization records, plus
 * party_org_elections_completed), from one query over the organizations (with each one's parent and grandparent) plus
 * the organization's lookup. Nothing is stored: each figure counts the records as they stand.
 *
 * Decisions, stated once (each figure's computation text repeats what it relies on):
 * - An organization exists at the period's end when its 成立日期 is empty or not after the end. The records hold no
 *   dissolution date, so an organization dissolved (撤销、撤并) but still on the tree keeps counting.
 * - 基层党组织, as the 党内统计年报 counts them (第24表 党的基层组织数量: 党委、总支部、支部): 党委, 党总支, 党支部 and
 *   联合党支部 (a 支部, roster code 632). Not counted: the tree's top (the 县委, a 地方委员会), 党工委 (派出机关), 党组,
 *   党小组 (part of a branch) and 临时党支部 (临时党组织, codes 9xx, outside the 基层组织 count).
 * - 乡镇（街道）: a 党委 or 党工委 of the 农村 or 社区 sector whose parent is of neither (the 县委's 乡镇党委 and 街道党工委;
 *   a big village's or community's own 党委 sits under one of those and is not a township).
 * - 村（社区）党组织: the village's or community's own top organization, a 基层党组织 of the 农村 or 社区 sector directly
 *   under a 乡镇（街道）; the branches under a big village's 党委 or 党总支 and its 党小组 are not counted again.
 * - 县直单位 (district_units_in_scope): the unit organizations (党委, 党总支, 党支部) of 机关, 事业单位, 国有企业 and
 *   学校 one level under a county-level 党（工）委 that is not a 乡镇（街道）, i.e. at the tree's third level (县委 → 县直机关工委
 *   or a 系统党委 such as 教育、卫健、国资 → the unit). The schools and 卫生院 of townships are under the county's systems and
 *   count; a unit whose organization hangs directly under the 县委 does not.
 * - An enterprise is its own top organization: a 非公有制企业 党委, 党总支 or 党支部 whose parent is not a 党委 or
 *   党总支 of the same sector. A 联合党支部 covers several enterprises whose number is not recorded: not counted.
 * - Elections: each organization keeps only its latest election (本届选举日期). An election held in the period and
 *   followed by another before the figures are computed is lost, so a past period's count can be too low.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Figure, FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import type { OrgKind, Sector } from '../../shared/vocab.js';
import { rootOf } from '../dues/dues-ledger.js';
import { subtreeUpperBound } from './tree.js';

/** 基层党组织 as the statistics count them (临时党支部, 党小组, 党工委 and 党组 are not). */
export const BASIC_ORG_KINDS: readonly OrgKind[] = ['党委', '党总支', '党支部', '联合党支部'];
const LOCAL_SECTORS: readonly Sector[] = ['农村', '社区'];
const UNIT_SECTORS: readonly Sector[] = ['机关', '事业单位', '国有企业', '学校'];
const TWO_NEW_SECTORS: readonly Sector[] = ['非公有制企业', '社会组织'];

interface OrgFigureRow {
  id: number;
  kind: string;
  sector: string;
  depth: number;
  parent_id: number | null;
  established_on: string | null;
  last_election_on: string | null;
  parent_kind: string | null;
  parent_sector: string | null;
  grand_sector: string | null;
}

const among = (list: readonly string[], value: string | null) => value !== null && list.includes(value);

function subtreeFilter(root: string | null) {
  return root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
}

/** A 乡镇党委 or 街道党工委, from its own kind and sector and its parent's sector. */
function isTownship(kind: string | null, sector: string | null, parentSector: string | null, hasParent: boolean): boolean {
  return hasParent && (kind === '党委' || kind === '党工委') && among(LOCAL_SECTORS, sector) && !among(LOCAL_SECTORS, parentSector);
}

const isBasic = (r: OrgFigureRow) => among(BASIC_ORG_KINDS, r.kind) && r.parent_id !== null;
const parentIsTownship = (r: OrgFigureRow) => isTownship(r.parent_kind, r.parent_sector, r.grand_sector, r.depth >= 2);
const isVillageOrg = (r: OrgFigureRow) => isBasic(r) && among(LOCAL_SECTORS, r.sector) && parentIsTownship(r);

const EXISTS = '截至期末已成立（成立日期为空或不晚于期末）；组织记录不登记撤销日期，已撤销但仍在组织树上的组织照计';
const LATEST_ELECTION = '每个组织只保存最近一次选举日期，期内换届后又再次换届的，期内那次不再计入';

export async function orgFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const rows: OrgFigureRow[] = await ctx.db
    .selectFrom('organizations as o')
    .leftJoin('organizations as p', 'p.id', 'o.parent_id')
    .leftJoin('organizations as g', 'g.id', 'p.parent_id')
    .select([
      'o.id',
      'o.kind',
      'o.sector',
      'o.depth',
      'o.parent_id',
      'o.established_on',
      'o.last_election_on',
      'p.kind as parent_kind',
      'p.sector as parent_sector',
      'g.sector as grand_sector',
    ])
    .where(subtreeFilter(root))
    .where((eb) => eb.or([eb('o.established_on', 'is', null), eb('o.established_on', '<=', period.end)]))
    .orderBy('o.id')
    .execute();

  const inPeriod = (d: string | null) => d !== null && d >= period.start && d <= period.end;
  const figure = (id: string, label: string, unit: string, list: OrgFigureRow[], computation: string): Figure => ({
    id,
    label,
    unit,
    value: list.length,
    computation,
    evidence: { table: 'organizations', ids: list.map((r) => r.id) },
  });
  const pick = (test: (r: OrgFigureRow) => boolean) => rows.filter(test);
  const ofKind = (list: OrgFigureRow[], kind: string) => list.filter((r) => r.kind === kind).length;

  const basic = pick(isBasic);
  const villageOrgs = pick(isVillageOrg);
  const nonpublic = basic.filter((r) => r.sector === '非公有制企业');
  const enterprises = nonpublic.filter(
    (r) => r.kind !== '联合党支部' && !(r.parent_sector === '非公有制企业' && (r.parent_kind === '党委' || r.parent_kind === '党总支')),
  );
  const jointNonpublic = ofKind(nonpublic, '联合党支部');
  const units = pick(
    (r) =>
      r.depth === 2 &&
      among(['党委', '党总支', '党支部'], r.kind) &&
      among(UNIT_SECTORS, r.sector) &&
      (r.parent_kind === '党委' || r.parent_kind === '党工委') &&
      !parentIsTownship(r),
  );

  const figures: Figure[] = [
    figure(
      'party_orgs_total',
      '基层党组织',
      '个',
      basic,
      `范围内的基层党组织数（党内统计口径：基层党委${ofKind(basic, '党委')}个、党总支${ofKind(basic, '党总支')}个、党支部${ofKind(basic, '党支部')}个、` +
        `联合党支部${ofKind(basic, '联合党支部')}个）；县委（党的地方委员会）、党工委、党组、党小组和临时党支部不计；${EXISTS}`,
    ),
    figure(
      'village_orgs_total',
      '村（社区）党组织',
      '个',
      villageOrgs,
      `乡镇党委、街道党工委直接管理的农村、社区基层党组织数，即每个行政村（社区）的最上级党组织（村党委、党总支所属支部和党小组不另计）；${EXISTS}`,
    ),
    figure(
      'townships_in_scope',
      '乡镇（街道）',
      '个',
      pick((r) => isTownship(r.kind, r.sector, r.parent_sector, r.parent_id !== null)),
      `乡镇党委、街道党工委数（农村、社区单位类型的党委、党工委，其上级组织不属农村、社区）；${EXISTS}`,
    ),
    figure(
      'district_units_in_scope',
      '县直机关企事业单位',
      '个',
      units,
      '县直机关工委和教育、卫健、国资等系统党委（乡镇党委、街道党工委除外）直接管理的机关、事业单位、国有企业、学校单位党组织数（组织树第三层，' +
        `每个单位只计其最上级党组织，所属支部不另计；乡镇学校、卫生院隶属县直系统，计入；直属县委的单位组织和联合党支部不计）；${EXISTS}`,
    ),
    figure(
      'temporary_branches_established',
      '新成立临时党支部',
      '个',
      pick((r) => r.kind === '临时党支部' && inPeriod(r.established_on)),
      '期内成立（按成立日期）的临时党支部数；成立日期为空的不计',
    ),
    figure(
      'nonpublic_party_orgs',
      '非公有制企业党组织',
      '个',
      nonpublic,
      `单位类型为非公有制企业的基层党组织数（党委、党总支、党支部、联合党支部；非公工委等党工委不计）；${EXISTS}`,
    ),
    figure(
      'nonpublic_enterprises_with_party_org',
      '已建立党组织的非公有制企业',
      '家',
      enterprises,
      '单独建立党组织的非公有制企业数：以企业的最上级党组织（党委、党总支或党支部）计1家，其所属支部不另计；' +
        `联合党支部覆盖的企业数未登记，未计入（范围内有联合党支部${jointNonpublic}个）；${EXISTS}`,
    ),
    figure(
      'two_new_party_orgs_established',
      '“两新”组织新建党组织',
      '家',
      basic.filter((r) => among(TWO_NEW_SECTORS, r.sector) && inPeriod(r.established_on)),
      '期内成立（按成立日期）的非公有制企业、社会组织基层党组织数（党委、党总支、党支部、联合党支部，新建企业党委及其所属支部各计1个）；成立日期为空的不计',
    ),
    figure(
      'org_elections_completed',
      '完成换届的村党组织',
      '个',
      villageOrgs.filter((r) => r.sector === '农村' && inPeriod(r.last_election_on)),
      `本届选举日期在期内的行政村党组织数（村的最上级党组织，社区不计）；${LATEST_ELECTION}`,
    ),
    figure(
      'party_org_elections_completed',
      '完成换届的基层党组织',
      '个',
      basic.filter((r) => inPeriod(r.last_election_on)),
      `本届选举日期在期内的基层党组织数（党委、党总支、党支部、联合党支部；临时党支部不换届）；${LATEST_ELECTION}`,
    ),
  ];
  return { org, period, figures };
}
