/**
 * What the demo county's supervision ledgers (lists and tasks, inspections and problems, ratings, disclosures, cadre
 * and publicity records, figure sets) need to know of the county: its townships and systems, the village-level
 * organizations, the standing branches with members and their secretaries, and a stable name for the leader of an
 * organization without a roll of its own. Rows are planned with organization codes and written later
 * (write-supervision.ts). Pure and deterministic.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { IsoDate } from '../../shared/dates.js';
import type { DemoFrame, OrgPlan } from './demo-types.js';
import { topKindOf, type TopKind } from './build-trainings.js';
import { personName } from './names.js';
import { Rng } from './rng.js';
import type { WorkSubject } from './work-subjects.js';

/** A row of `T` as planned: snake_case columns without the organization id and the write stamps, with the code instead. */
export type Planned<T extends keyof Database, Omitted extends string = never> = Omit<Insertable<Database[T]>, 'id' | 'org_id' | 'created_at' | 'updated_at' | Omitted> & {
  orgCode: string;
};

export interface SupervisionScope {
  frame: DemoFrame;
  county: OrgPlan;
  byCode: Map<string, OrgPlan>;
  /** Organizations directly under the county committee, with what they are (乡镇, 街道, 机关工委 …). */
  tops: { org: OrgPlan; kind: TopKind }[];
  /** 村 and 社区 organizations (党支部, 党总支 or 村党委) directly under a 乡镇党委 or 街道党工委. */
  villages: OrgPlan[];
  /** 县直部门: the units under the 直属机关工委 (a branch or a 总支). */
  departments: OrgPlan[];
  /** Standing branches with members (not 临时党支部). */
  branches: OrgPlan[];
  /** Members of each standing branch. */
  roll: Map<string, WorkSubject[]>;
  /** The secretary of a branch (or of the first branch of a 总支 or 村党委) on a day, else a stable made-up leader. */
  leaderOf(code: string, on?: IsoDate): string;
  /** The name of a county leader (县委常委 …) by number, stable for the seed. */
  countyLeader(i: number): string;
}

const LEADER_TITLES = ['县委书记', '县委副书记', '县委组织部部长', '县纪委书记、县监委主任', '县委宣传部部长', '县委统战部部长', '县委政法委书记', '县委办主任', '常务副县长'];
export const COUNTY_LEADER_TITLES: readonly string[] = LEADER_TITLES;

export function supervisionScope(frame: DemoFrame, orgs: readonly OrgPlan[], subjects: readonly WorkSubject[]): SupervisionScope {
  const county = orgs[0]!;
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const tops = orgs.filter((o) => o.parentCode === county.code).flatMap((org) => {
    const kind = topKindOf(org);
    return kind ? [{ org, kind }] : [];
  });
  const local = new Set(tops.filter((t) => t.kind === 'town' || t.kind === 'street').map((t) => t.org.code));
  const villages = orgs.filter(
    (o) => o.parentCode !== null && local.has(o.parentCode) && (o.sector === '农村' || o.sector === '社区') && o.kind !== '临时党支部' && /(村|社区)/.test(o.name),
  );
  const works = tops.find((t) => t.kind === 'offices' && t.org.kind === '党工委')?.org.code;
  const departments = orgs.filter((o) => o.parentCode === works && (o.kind === '党支部' || o.kind === '党总支' || o.kind === '党委') && o.profile !== 'retired');
  const roll = new Map<string, WorkSubject[]>();
  for (const s of subjects) {
    const list = roll.get(s.orgCode);
    if (list) list.push(s);
    else roll.set(s.orgCode, [s]);
  }
  const branches = orgs.filter((o) => roll.has(o.code) && o.kind !== '临时党支部');
  const firstChild = new Map<string, string>();
  for (const o of orgs) if (o.parentCode && roll.has(o.code) && !firstChild.has(o.parentCode)) firstChild.set(o.parentCode, o.code);
  const made = new Map<string, string>();
  const madeUp = (key: string, surname?: string) => {
    let name = made.get(key);
    if (name === undefined) {
      const rng = Rng.derive(frame.seed, `leader:${key}`);
      name = personName(rng, rng.chance(0.2) ? '女' : '男', rng.int(1966, 1985), surname);
      made.set(key, name);
    }
    return name;
  };
  const leaderOf = (code: string, on: IsoDate = frame.end): string => {
    const branch = roll.has(code) ? code : firstChild.get(code);
    const list = branch ? roll.get(branch)! : [];
    const here = list.filter((s) => s.since <= on && (!s.leftOn || s.leftOn > on));
    const secretary = here.find((s) => s.post === '书记') ?? here.find((s) => s.post) ?? here[0];
    return secretary?.name ?? madeUp(code, byCode.get(code)?.lineage);
  };
  return { frame, county, byCode, tops, villages, departments, branches, roll, leaderOf, countyLeader: (i) => madeUp(`county-leader:${i % LEADER_TITLES.length}`) };
}

/** "中共青禾县城关镇西田村支部委员会" → "城关镇西田村": the unit without the county's name. */
export function unitName(org: Pick<OrgPlan, 'name'>, countyName: string): string {
  return org.name.replace(/^中共/, '').replace(countyName, '').replace(/(工作)?委员会$/, '').replace(/(总)?支部$/, '').replace(/(联合)?$/, '') || org.name;
}
