/**
 * Small organizations for the rule engine's tests, built through the real services (STYLE §10) or, for the counties
 * of hundreds of organizations, through the bulk writers the importer and the demo county use. Named *.test.ts so
 * the build leaves it out; it holds no tests, so no test project runs it.
 */
import type { Ctx } from '../context.js';
import { makeCounty, makeOrg } from '../../test/factories.js';
import { addDays } from '../shared/dates.js';
import { makeIdNumber } from '../shared/id-number.js';
import type { MeetingKind } from '../shared/vocab.js';
import { createDevelopment } from '../modules/development/record-development.js';
import type { DevelopmentInput, DevelopmentView } from '../modules/development/development.schema.js';
import { recordMeeting } from '../modules/meetings/record-meeting.js';
import type { MeetingView } from '../modules/meetings/meetings.schema.js';
import { insertMembersBulk } from '../modules/members/insert-members-bulk.js';
import type { OrgInput, OrgView } from '../modules/orgs/orgs.schema.js';
import type { CheckedPerson } from '../modules/people/person-rules.js';
import type { Evaluation } from './evaluate.js';
import type { RuleFinding } from './context.js';
import type { Check } from './types.js';

let seq = 0;

/** A person with a valid ID number that no other fixture person shares (the birth date differs for each). */
export function person(name?: string, birthDate?: string): CheckedPerson {
  seq += 1;
  const born = birthDate ?? addDays('1960-01-01', seq);
  const n = seq % 1000;
  return {
    name: name ?? `成员${seq}`,
    idNumber: makeIdNumber('110102', born, n),
    gender: n % 2 === 1 ? '男' : '女',
    ethnicity: '汉族',
    birthDate: born,
    education: null,
    occupation: null,
    phone: null,
  };
}

/** The county (C) and its township (C.T1) of makeCounty, without branches: each test adds the branches it needs. */
export async function county(ctx: Ctx): Promise<void> {
  await makeCounty(ctx, 0);
}

/** A branch under the township, established long ago unless told otherwise. */
export async function branch(ctx: Ctx, code: string, input: Partial<OrgInput> = {}): Promise<OrgView> {
  return makeOrg(ctx, { code, name: `${code}党支部`, parentCode: 'C.T1', establishedOn: '2000-01-01', ...input });
}

export interface MembersOptions {
  status?: '正式党员' | '预备党员';
  joinedOn?: string;
  confirmedOn?: string | null;
  names?: string[];
}

/** `n` members of a branch in one bulk insert: full members since 2005 unless told otherwise. */
export async function addMembers(ctx: Ctx, orgId: number, n: number, o: MembersOptions = {}): Promise<number[]> {
  const status = o.status ?? '正式党员';
  return insertMembersBulk(
    ctx,
    Array.from({ length: n }, (_, i) => ({
      person: person(o.names?.[i]),
      orgId,
      status,
      joinedOn: o.joinedOn ?? '2005-07-01',
      confirmedOn: o.confirmedOn !== undefined ? o.confirmedOn : status === '正式党员' ? '2006-07-01' : null,
    })),
  );
}

/** One meeting through the real service; everyone attends unless told otherwise. */
export async function meet(
  ctx: Ctx,
  orgCode: string,
  kind: MeetingKind,
  heldOn: string,
  o: { expected?: number; attended?: number; absent?: string[] } = {},
): Promise<MeetingView> {
  const expected = o.expected ?? 10;
  const attended = o.attended ?? expected - (o.absent?.length ?? 0);
  return recordMeeting(ctx, {
    orgCode, kind, heldOn, topic: `${kind}（${heldOn}）`, expectedCount: expected, attendedCount: attended,
    absentees: (o.absent ?? []).map((name) => ({ name, reason: null })),
  });
}

/** A development record through the real service, for a person born in 1995 unless told otherwise. */
export async function develop(
  ctx: Ctx,
  orgCode: string,
  name: string,
  dates: Omit<DevelopmentInput, 'name' | 'idNumber' | 'orgCode'>,
  birthDate = '1995-04-12',
): Promise<DevelopmentView> {
  const p = person(name, birthDate);
  return createDevelopment(ctx, { name, idNumber: p.idNumber, orgCode, ...dates });
}

export interface FindingQuery {
  rule?: string;
  org?: string;
  period?: string;
  person?: string;
  status?: RuleFinding['status'];
}

export function findingsOf(e: { findings: RuleFinding[] }, q: FindingQuery): RuleFinding[] {
  return e.findings.filter(
    (f) =>
      (q.rule === undefined || f.rule === q.rule) &&
      (q.org === undefined || f.org === q.org) &&
      (q.period === undefined || f.period === q.period) &&
      (q.person === undefined || f.person === q.person) &&
      (q.status === undefined || f.status === q.status),
  );
}

/** Met / failed / pending checks of one rule for one organization. */
export function checksOf(e: Evaluation, rule: string, orgId: number): Record<Check['result'], number> {
  const out = { met: 0, failed: 0, pending: 0 };
  for (const c of e.checks) if (c.rule === rule && c.orgId === orgId) out[c.result]++;
  return out;
}

export { countingCtx } from '../../test/helpers/query-counter.js';

/** Today of the test database, moved: for a test that records as if on another day. */
export function on(ctx: Ctx, today: string): Ctx {
  return { ...ctx, clock: { today: () => today, nowIso: () => `${today}T04:00:00.000Z` } };
}
