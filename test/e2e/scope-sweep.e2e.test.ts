/**
 * The scope sweep (issue 3, "Tests that must exist"). In a county C → T1 → B1, B2 and C → T2 → B3 with records in
 * every organization, a user of branch B1 — as secretary, as organization administrator and as viewer of B1, each
 * logged in once through the real login — sends every route the router holds (new routes are swept as soon as they
 * are registered) with the ids and codes of records outside B1 (the sibling B2, the parent T1, the county C, and the
 * cousins T2, B3) in every path parameter, every code (and id) query parameter, every code field of a plausible,
 * valid body, and every organization column of an uploaded workbook.
 *
 * Each attempt must answer exactly what the same request with a truly missing id or code answers — same status,
 * same body once the value itself is set aside — so nothing tells a foreign record from a missing one; a write is
 * never 2xx; a read that answers 2xx (a list, a count, an export) holds no foreign record's id, code, name or topic.
 * After the sweep every table is unchanged, row for row.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { XLSX_TYPE } from '../../src/server/workbook.routes.js';
import type { Ctx } from '../../src/context.js';
import { createApiToken } from '../../src/modules/auth/create-api-token.js';
import { createDevelopment } from '../../src/modules/development/record-development.js';
import { recordMeeting } from '../../src/modules/meetings/record-meeting.js';
import { leaveMember } from '../../src/modules/members/leave-member.js';
import { transferMember } from '../../src/modules/members/transfer-member.js';
import type { UserView } from '../../src/modules/users/users.schema.js';
import { ENGINES, createTestDatabase, type Engine, type TestDatabase } from '../helpers/test-db.js';
import { logIn } from '../helpers/http.js';
import { snapshotTables } from '../helpers/db-snapshot.js';
import { DOCX_TYPE, docxParagraphs } from '../helpers/docx.js';
import { workbookBuffer, workbookCells, type WorkbookRecords } from '../helpers/workbook.js';
import { TEST_PASSWORD, asUser, idNumberFor, makeMember, makeOrg, makeUser } from '../factories.js';
import { SUPERVISION_SHEET_KEYS } from '../../src/modules/workbook/workbook-format.js';

/** The supervision ledger sheets (0006) in an import's counts: none in these workbooks. */
const NO_SUPERVISION = Object.fromEntries(SUPERVISION_SHEET_KEYS.map((k) => [k, 0]));

// ── The county ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Codes no record text contains by accident, so that finding one in an answer means the record leaked. */
const CODE = { C: 'ZZC', T1: 'ZZT1', T2: 'ZZT2', B1: 'ZZB1', B2: 'ZZB2', B3: 'ZZB3' } as const;
const OWN = CODE.B1;
/** B1's own record names its parent (parentCode) and the export's 组织 row does too: the only foreign codes allowed. */
const ANCESTORS: readonly string[] = [CODE.T1, CODE.C];
/** Sibling, parent, county, and the cousins under the other township. */
const FOREIGN_CODES: readonly string[] = [CODE.B2, CODE.T1, CODE.C, CODE.T2, CODE.B3];
const PARENT: Record<string, string | null> = { ZZC: null, ZZT1: CODE.C, ZZT2: CODE.C, ZZB1: CODE.T1, ZZB2: CODE.T1, ZZB3: CODE.T2 };
const ORG_KIND: Record<string, string> = { ZZC: '党委', ZZT1: '党委', ZZT2: '党委', ZZB1: '党支部', ZZB2: '党支部', ZZB3: '党支部' };

const MISSING_CODE = 'ZZMISSING';
const MISSING_ID = 2_000_000_000;

const KINDS = ['org', 'member', 'meeting', 'development', 'user', 'token'] as const;
type Kind = (typeof KINDS)[number];
type Ids = Record<Kind, number[]>;

const SWEEP_ROLES = ['secretary', 'org_admin', 'viewer'] as const;
type SweepRole = (typeof SWEEP_ROLES)[number];

/** Fields a new record is known by, unique county-wide: a new organization's code, a username, an ID number. */
const IDENTITY_FIELDS = ['code', 'username', 'idNumber'] as const;
type IdentityField = (typeof IDENTITY_FIELDS)[number];

interface County {
  /** Ids of the records outside B1, by kind. */
  foreign: Ids;
  /** The identity values of the records outside B1 (codes, usernames, ID numbers). */
  foreignIdentities: Record<IdentityField, string[]>;
  /** An ID number of one of B1's own people. */
  ownIdNumber: string;
  /** Every foreign record's code, name, topic, phone, username, display name, token name and token prefix. */
  forbidden: string[];
  /** B1's own records (every B1 user reads them). */
  own: Omit<Ids, 'user' | 'token'>;
  b1Users: Record<SweepRole, UserView>;
}

function emptyIds(): Ids {
  return { org: [], member: [], meeting: [], development: [], user: [], token: [] };
}

async function buildCounty(ctx: Ctx): Promise<County> {
  const foreign = emptyIds();
  const foreignIdentities: Record<IdentityField, string[]> = { code: [...FOREIGN_CODES], username: [], idNumber: [] };
  const forbidden: string[] = [...FOREIGN_CODES];
  const own = { org: [] as number[], member: [] as number[], meeting: [] as number[], development: [] as number[] };

  const orgs = [
    { code: CODE.C, name: '中共ZZC县委员会', kind: '党委', sector: '机关' },
    { code: CODE.T1, name: '中共ZZT1镇委员会', kind: '党委', sector: '农村', parentCode: CODE.C },
    { code: CODE.T2, name: '中共ZZT2镇委员会', kind: '党委', sector: '农村', parentCode: CODE.C },
    { code: CODE.B1, name: '本村党支部', parentCode: CODE.T1, establishedOn: '2000-01-01' },
    { code: CODE.B2, name: '邻村党支部', parentCode: CODE.T1, establishedOn: '2000-01-01' },
    { code: CODE.B3, name: '远村党支部', parentCode: CODE.T2, establishedOn: '2000-01-01' },
  ] as const;
  for (const o of orgs) {
    const created = await makeOrg(ctx, o);
    if (o.code === OWN) own.org.push(created.id);
    else {
      foreign.org.push(created.id);
      forbidden.push(o.name);
    }
  }

  // Members (branches only): two of B1's own; in B2 one on the roll, one who left, and one transferred out of B1.
  const ownMembers = [await makeMember(ctx, OWN, { name: '本一甲', phone: '13800001111' }), await makeMember(ctx, OWN, { name: '本一乙' })];
  own.member.push(...ownMembers.map((m) => m.id));
  const neighbour = await makeMember(ctx, CODE.B2, { name: '邻二甲', phone: '13900002222' });
  const left = await makeMember(ctx, CODE.B2, { name: '邻二乙' });
  await leaveMember(ctx, left.id, { reason: '死亡', leftOn: '2026-03-01' });
  const movedAway = await makeMember(ctx, OWN, { name: '转出丙' });
  await transferMember(ctx, movedAway.id, { toOrgCode: CODE.B2, transferredOn: '2026-02-01' });
  const cousin = await makeMember(ctx, CODE.B3, { name: '远三甲' });
  foreign.member.push(neighbour.id, left.id, movedAway.id, cousin.id);
  forbidden.push('邻二甲', '邻二乙', '转出丙', '远三甲', '13900002222');
  foreignIdentities.idNumber.push(neighbour.idNumber, left.idNumber, movedAway.idNumber, cousin.idNumber);

  // Development records (branches only).
  for (const [code, name] of [[OWN, '本一申请'], [CODE.B2, '邻二申请'], [CODE.B3, '远三申请']] as const) {
    const idNumber = idNumberFor('1985-01-01');
    const d = await createDevelopment(ctx, { name, idNumber, orgCode: code, appliedOn: '2025-03-01' });
    if (code === OWN) own.development.push(d.id);
    else {
      foreign.development.push(d.id);
      foreignIdentities.idNumber.push(idNumber);
      forbidden.push(name);
    }
  }

  // Meetings in every organization, committees included.
  for (const code of [OWN, ...FOREIGN_CODES]) {
    const branch = ORG_KIND[code] === '党支部';
    const m = await recordMeeting(ctx, {
      orgCode: code,
      kind: branch ? '支委会' : '理论学习中心组学习',
      heldOn: '2026-04-01',
      topic: code === OWN ? '本支部学习' : `${code}会议主题`,
      expectedCount: 3,
      attendedCount: 2,
      absentees: [{ name: code === OWN ? '本一缺席' : `${code}缺席人`, reason: '病假' }],
    });
    if (code === OWN) own.meeting.push(m.id);
    else {
      foreign.meeting.push(m.id);
      forbidden.push(`${code}会议主题`, `${code}缺席人`);
    }
  }

  // Accounts: B1's three (the sweepers), and one in B2, T1, C and B3 and a system administrator, each with a token.
  const b1Users = {
    secretary: await makeUser(ctx, 'b1-secretary', ['secretary'], OWN),
    org_admin: await makeUser(ctx, 'b1-orgadmin', ['org_admin'], OWN),
    viewer: await makeUser(ctx, 'b1-viewer', ['viewer'], OWN),
  };
  const others: [string, UserView['roles'], string | null][] = [
    ['zz-b2-user', ['secretary'], CODE.B2],
    ['zz-t1-user', ['org_admin'], CODE.T1],
    ['zz-c-user', ['org_admin'], CODE.C],
    ['zz-b3-user', ['viewer'], CODE.B3],
    ['zz-admin', ['admin'], null],
  ];
  for (const [username, roles, orgCode] of others) {
    const user = await makeUser(ctx, username, roles, orgCode);
    const token = await createApiToken(await asUser(ctx, user), { name: `${username}令牌` });
    foreign.user.push(user.id);
    foreign.token.push(token.id);
    foreignIdentities.username.push(username);
    forbidden.push(username, user.displayName, `${username}令牌`, token.prefix);
  }
  forbidden.push(...foreignIdentities.idNumber);
  return { foreign, foreignIdentities, ownIdNumber: ownMembers[0]!.idNumber, forbidden, own, b1Users };
}

// ── What the sweep knows of the routes ──────────────────────────────────────────────────────────────────────────

/**
 * The public routes, which answer without credentials and read nothing: named here rather than taken from the
 * server, so that a route made public later is still swept.
 */
function isPublic(url: string): boolean {
  return ['/api/health', '/api/auth/login', '/api/openapi.json', '/api/docs'].includes(url) || url.startsWith('/api/docs/');
}

/**
 * The caller's own-account routes under /api/auth that name no record of anyone else, so there is nothing foreign
 * to put in them (and sending them would change the caller's own session, password or tokens). Every other
 * non-public route is swept; GET /api/auth/me, GET /api/auth/tokens and DELETE /api/auth/tokens/:id are.
 */
const OWN_ACCOUNT_ROUTES: Record<string, string> = {
  'POST /api/auth/logout': 'ends the caller’s own session',
  'POST /api/auth/password': 'changes the caller’s own password',
  'POST /api/auth/tokens': 'creates a token for the caller; its body names no record',
};

/** The kind of record a route's `:id` and its answers are about, by path. A route not listed is "unknown". */
const ROUTE_KINDS: [RegExp, Kind][] = [
  [/^\/api\/orgs(\/|$)/, 'org'],
  [/^\/api\/members(\/|$)/, 'member'],
  [/^\/api\/meetings(\/|$)/, 'meeting'],
  [/^\/api\/development(\/|$)/, 'development'],
  [/^\/api\/users(\/|$)/, 'user'],
  [/^\/api\/auth\/me$/, 'user'],
  [/^\/api\/auth\/tokens(\/|$)/, 'token'],
  // The monitoring notice, its findings and the due list are about organizations; their evidence names records of
  // every kind, each by its own `type` (EVIDENCE_KINDS). The rule catalog and settings name no record (unknown).
  [/^\/api\/(checks|due)(\/|$)/, 'org'],
  // The dues ledger and figures are about members (each row and each piece of evidence names one by memberId).
  [/^\/api\/dues(\/|$)/, 'member'],
  // Service records, community reports and teams name members (memberId) and organizations; the county holds none of
  // them, so their own ids are swept as missing ones.
  [/^\/api\/service(\/|$)/, 'member'],
  // Honors and donations name members (memberId) and organizations; the county holds none, so their own ids are
  // swept as missing ones.
  [/^\/api\/(honors|donations)(\/|$)/, 'member'],
  // Study records and the study figures and ranking name members (memberId); trainings are held by organizations
  // (orgCode). The county holds none of either, so their own ids are swept as missing ones.
  [/^\/api\/study(\/|$)/, 'member'],
  [/^\/api\/trainings(\/|$)/, 'org'],
  // Lists and tasks belong to organizations (a task to its responsible one; it also names the assigning one). The
  // county holds none, so their own ids are swept as missing ones.
  [/^\/api\/(lists|tasks)(\/|$)/, 'org'],
  // Inspection rounds are conducted by organizations (orgCode, targets' orgCode); problems are owned by them. The
  // county holds none of either, so their own ids are swept as missing ones.
  [/^\/api\/(inspections|problems)(\/|$)/, 'org'],
  // The ledgers' figures together: each figure's evidence lists record ids of its own table (asked for with evidence).
  [/^\/api\/figures(\/|$)/, 'member'],
  // Ratings, 软弱涣散 cases and designations belong to organizations (orgCode); the county holds none, so their own ids
  // are swept as missing ones. The rating schemes name no record (unknown).
  [/^\/api\/(ratings|weak-orgs|designations)(\/|$)/, 'org'],
  // Disclosures, their catalogue and the publicity ledger belong to organizations (orgCode); cadre events name members
  // (memberId). The county holds none of them, so their own ids are swept as missing ones.
  [/^\/api\/(disclosures|disclosure-items|publications)(\/|$)/, 'org'],
  [/^\/api\/cadre-events(\/|$)/, 'member'],
  // Hand-entered figure sets belong to organizations (orgCode); the county holds none, so their own ids are swept as
  // missing ones. The manual indicators of the catalog name no record (unknown).
  [/^\/api\/figure-sets(\/|$)/, 'org'],
  // Reports are of an organization's subtree (orgCode); their figures name records only by count. One figure explained
  // lists the records behind it, each by id: the sweep asks about 支委会 (PATH_VALUES), so they are meetings. The
  // report templates, the indicator registry and its coverage name no record (unknown).
  [/^\/api\/reports(\/|$)/, 'org'],
  [/^\/api\/indicators\/:id$/, 'meeting'],
];

/**
 * Path parameters that name no record but a catalog entry (an indicator id), by route path (GET and HEAD alike): the
 * own request uses this value, and the probes put the foreign ids and codes there as everywhere (answered like a
 * missing entry).
 */
const PATH_VALUES: Record<string, Record<string, Value>> = {
  '/api/indicators/:id': { id: 'branch_committee_meetings' },
};

/** A finding's evidence record says what it is: its id is checked against the foreign ids of that kind. */
const EVIDENCE_KINDS: Record<string, Kind> = { organization: 'org', meeting: 'meeting', development: 'development', membership: 'member' };

function kindOf(url: string): Kind | undefined {
  return ROUTE_KINDS.find(([re]) => re.test(url))?.[1];
}

const CODE_FIELD = /^(code|org|root)$|code$/i;
const ID_FIELD = /^id$|Id$/;

/**
 * Valid bodies naming B1 (or a B1 record), so that validation passes and the scope check is what answers when one
 * of their code fields names a foreign organization. A route not listed gets a body generated from its schema.
 */
const OWN_MEMBER_ID_NUMBER = idNumberFor('1981-02-03');
const OWN_APPLICANT_ID_NUMBER = idNumberFor('1999-05-06');
const BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/orgs': { code: 'ZZB1G9', name: '新党小组', parentCode: OWN, kind: '党小组', sector: '农村', establishedOn: '2020-01-01' },
  'PATCH /api/orgs/:code': { name: '改名党支部' },
  'POST /api/orgs/:code/move': { parentCode: OWN },
  'POST /api/members': {
    name: '新党员', idNumber: OWN_MEMBER_ID_NUMBER, orgCode: OWN, status: '正式党员', joinedOn: '2010-07-01', confirmedOn: '2011-07-01',
  },
  'PATCH /api/members/:id': { education: '研究生' },
  'POST /api/members/:id/transfer': { toOrgCode: OWN, transferredOn: '2026-06-01' },
  'POST /api/members/:id/leave': { reason: '死亡', leftOn: '2026-06-01' },
  'POST /api/development': { name: '新申请人', idNumber: OWN_APPLICANT_ID_NUMBER, orgCode: OWN, appliedOn: '2025-05-01' },
  'PATCH /api/development/:id': { contacts: '本一甲' },
  'POST /api/meetings': { orgCode: OWN, kind: '支委会', heldOn: '2026-05-01', topic: '新会议', expectedCount: 3, attendedCount: 3 },
  'PATCH /api/meetings/:id': { topic: '更正会议主题' },
  'POST /api/users': { username: 'sweep-new', displayName: '新用户', orgCode: OWN, roles: ['viewer'], password: TEST_PASSWORD, mustChangePassword: true },
  'PATCH /api/users/:id': { displayName: '改名用户' },
  'POST /api/users/:id/password': { password: 'Xinmima-Qiangda-2027' },
  'PUT /api/rules/settings/:key': { value: 30 },
  'POST /api/members/:id/dues/bases': { fromMonth: '2026-05', category: '在职', base: '6000' },
  'POST /api/members/:id/dues/approvals': { kind: '按季交纳', fromMonth: '2026-07', reason: '外出务工', approvedOn: '2026-06-20' },
  'POST /api/members/:id/dues/payments': { months: ['2026-05'], paidOn: '2026-05-10' },
  'POST /api/dues/branch-payments': { orgCode: OWN, month: '2026-05', paidOn: '2026-05-10' },
  'POST /api/service/records': { orgCode: OWN, kind: '志愿服务', title: '清洁家园', happenedOn: '2026-05-01', hours: 2 },
  'PATCH /api/service/records/:id': { title: '改名事项' },
  'POST /api/service/community-reports': { memberId: MISSING_ID, communityName: '幸福社区', unitLevel: '县级', reportedOn: '2026-05-01' },
  'PATCH /api/service/community-reports/:id': { endedOn: '2026-06-01' },
  'POST /api/service/teams': { orgCode: OWN, kind: '志愿服务队', name: '新服务队', establishedOn: '2026-05-01' },
  'POST /api/service/teams/:id/members': { name: '张三', joinedOn: '2026-05-01' },
  'DELETE /api/service/teams/:id/members': { name: '张三', leftOn: '2026-05-01' },
  'POST /api/honors': { kind: '表彰', recipientKind: '集体', recipientOrgCode: OWN, title: '先进基层党组织', level: '县级', awardedBy: '县委', awardedOn: '2026-05-01' },
  'PATCH /api/honors/:id': { title: '优秀党务工作者' },
  'POST /api/honors/:id/revoke': { revokedOn: '2026-06-01' },
  'POST /api/donations': { memberId: MISSING_ID, campaign: '抗洪救灾', donatedOn: '2026-05-01', amount: '10' },
  'POST /api/donations/batch': { orgCode: OWN, campaign: '抗洪救灾', donatedOn: '2026-05-01', items: [{ memberId: MISSING_ID, amount: '10' }] },
  'POST /api/study/records': { memberId: MISSING_ID, studiedOn: '2026-05-01', kind: '自学', title: '学习', hours: '1' },
  'POST /api/trainings': { orgCode: OWN, title: '新培训', kind: '培训班', level: '村（社区）级', audience: '全体党员', startOn: '2026-05-01', endOn: '2026-05-01', hours: '2' },
  'PATCH /api/trainings/:id': { title: '改名培训' },
  'POST /api/trainings/:id/attendance': { memberIds: [MISSING_ID] },
  'DELETE /api/trainings/:id/attendance': { memberIds: [MISSING_ID] },
  'POST /api/lists': { orgCode: OWN, year: 2026, kind: '任务清单', title: '新清单', items: [{ content: '新事项' }] },
  'PATCH /api/lists/:id': { title: '改名清单' },
  'POST /api/lists/:id/items': { items: [{ content: '新事项' }] },
  'PATCH /api/lists/:id/items/:itemId': { content: '改写事项' },
  'POST /api/tasks': { orgCode: OWN, assignedByCode: OWN, title: '新任务', ownerName: '张书记', startOn: '2026-05-01', deadline: '2026-06-01' },
  'PATCH /api/tasks/:id': { title: '改名任务' },
  'POST /api/tasks/:id/events': { kind: '进展', happenedOn: '2026-05-01', content: '进展' },
  'POST /api/tasks/:id/complete': { completedOn: '2026-05-01' },
  'POST /api/rating-schemes': { code: 'sweep-scheme', name: '新方案', kind: '星级', config: { total: 10, indicators: [{ key: 'a', name: '甲', max: 10 }], bands: [{ grade: '好', min: 5 }, { grade: '差', min: 0 }] } },
  'PUT /api/rating-schemes/:code': { name: '改名方案' },
  'POST /api/ratings': {
    orgCode: OWN, year: 2025, schemeCode: 'central-2012',
    scores: { 党组织带头人: 18, 工作思路: 9, 工作制度: 14, 活动阵地: 9, 保障机制: 9, 工作业绩: 18, 群众评价: 14 },
  },
  'PATCH /api/ratings/:id': { memberScore: 90 },
  'POST /api/ratings/:id/decision': {},
  'POST /api/weak-orgs': { orgCode: OWN, year: 2026, source: '自查', reasons: [{ code: 'dues', text: '党费未按期收缴' }], flaggedOn: '2026-05-01' },
  'POST /api/weak-orgs/:id/steps': { step: 'plan', plan: '整顿方案', leaderName: '张三', deadline: '2026-09-30' },
  'POST /api/designations': { orgCode: OWN, title: '示范党支部', kind: '示范党支部', action: '命名', level: '县级', designatedOn: '2026-05-01' },
  'POST /api/designations/:id/revoke': { revokedOn: '2026-06-01' },
  'POST /api/inspections': { orgCode: OWN, kind: '巡察', title: '新巡察', startOn: '2026-05-01', endOn: '2026-05-31', targets: [] },
  'PATCH /api/inspections/:id': { title: '改名巡察' },
  'POST /api/inspections/:id/targets': { targets: [{ unitName: '某单位', unitKind: '其他' }] },
  'POST /api/problems': { orgCode: OWN, source: '查摆', category: '三会一课', level: '组织层面', description: '新问题', ownerName: '张三', foundOn: '2026-05-01', deadline: '2026-08-31' },
  'PATCH /api/problems/:id': { ownerName: '李四' },
  'POST /api/problems/:id/steps': { action: '报告进展', on: '2026-05-02', note: '进展' },
  'POST /api/disclosure-items': { orgCode: OWN, category: '党务', name: '新公开事项', cadence: '每季度' },
  'POST /api/disclosure-items/install': { orgCode: OWN },
  'POST /api/disclosures': { orgCode: OWN, itemId: MISSING_ID, periodLabel: '2026Q1', content: '公开内容', proposedOn: '2026-04-01' },
  'POST /api/disclosures/:id/steps': { action: '审核', on: '2026-05-01', by: '支委会' },
  'POST /api/cadre-events': { personName: '张三', orgCode: OWN, kind: '调整', happenedOn: '2026-05-01' },
  'POST /api/publications': { orgCode: OWN, title: '稿件', mediumLevel: '县级', mediumName: '县融媒体中心', form: '图文', publishedOn: '2026-05-01' },
  'POST /api/figure-sets': { orgCode: OWN, period: '2026', sourceDepartment: '县纪委监委', values: [{ indicatorId: 'cases_filed', value: 1 }] },
  'PUT /api/figure-sets/:id/values/:indicatorId': { value: 1 },
  'POST /api/reports': { narratives: { n1: '本支部撰写内容' } },
};

/** The period the notice, findings and workbook routes are asked about: this year so far, every rule judged. */
const SWEEP_PERIOD = '2026';

/**
 * Workbooks for an upload route: each pairs valid rows of B1 (so the file is rejected whole, not for its own rows)
 * with a row naming `code` — a foreign organization, or in the reference a missing one.
 */
const OWN_IMPORT_MEMBER = idNumberFor('1982-03-04');
const OWN_IMPORT_APPLICANT = idNumberFor('1998-07-08');
const OWN_GROUP = { code: 'ZZB1G8', name: '新党小组', parentCode: OWN, kind: '党小组', sector: '农村' };
const IMPORT_TEMPLATES: Record<string, (code: string, foreign: string) => WorkbookRecords> = {
  'a new organization under it': (code) => ({
    orgs: [OWN_GROUP, { code: 'ZZNEWB', name: '新支部', parentCode: code, kind: '党支部', sector: '农村' }],
  }),
  'its own 组织 row': (code, foreign) => ({
    orgs: [OWN_GROUP, { code, name: '改名', parentCode: PARENT[foreign] ?? null, kind: ORG_KIND[foreign], sector: '农村' }],
  }),
  'a member in it': (code) => ({
    members: [
      { name: '导入甲', idNumber: OWN_IMPORT_MEMBER, orgCode: OWN, status: '正式党员', joinedOn: '2010-07-01', confirmedOn: '2011-07-01' },
      { name: '导入乙', idNumber: idNumberFor('1983-01-01'), orgCode: code, status: '正式党员', joinedOn: '2010-07-01', confirmedOn: '2011-07-01' },
    ],
  }),
  'a development record in it': (code) => ({
    development: [
      { name: '导入申请甲', idNumber: OWN_IMPORT_APPLICANT, orgCode: OWN, appliedOn: '2025-01-01' },
      { name: '导入申请乙', idNumber: idNumberFor('1998-02-02'), orgCode: code, appliedOn: '2025-01-01' },
    ],
  }),
  'a meeting in it': (code) => ({
    meetings: [
      { orgCode: OWN, kind: '党课', heldOn: '2026-05-01', topic: '导入会议', expectedCount: 2, attendedCount: 2 },
      { orgCode: code, kind: '党课', heldOn: '2026-05-01', topic: '导入会议', expectedCount: 2, attendedCount: 2 },
    ],
  }),
};

/**
 * Probes that may answer 400 — the body failed validation before the scope check could answer — listed by route
 * and slot. Empty: every body above is valid, so each foreign value is answered by the scope check itself.
 */
const VALIDATION_FIRST_ALLOWED: readonly string[] = [];

// ── The OpenAPI document: each route's query parameters and body, from the routes' own schemas ──────────────────

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
}
interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface RouteDoc {
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  consumes: string[];
}

function routeDoc(doc: OpenApiDoc, method: string, url: string): RouteDoc {
  const path = url.replace(/:(\w+)/g, '{$1}');
  const op = doc.paths[path]?.[(method === 'HEAD' ? 'GET' : method).toLowerCase()];
  const resolve = (s: JsonSchema | undefined): JsonSchema | undefined =>
    s?.$ref ? resolve(doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')]) : s;
  return {
    query: (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true, schema: resolve(p.schema) ?? {} })),
    body: resolve(op?.requestBody?.content?.['application/json']?.schema),
    consumes: Object.keys(op?.requestBody?.content ?? {}),
  };
}

/** A plausible value for a field the sweep has no body for: enough to pass validation for simple schemas. */
function sample(schema: JsonSchema, name: string): unknown {
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s) => s.type !== 'null') ?? {}, name);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (CODE_FIELD.test(name)) return OWN;
  if (name === 'period') return SWEEP_PERIOD;
  switch (type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, sample(schema.properties?.[k] ?? {}, k)]));
    default:
      if (/On$|date/i.test(name)) return '2026-05-01';
      if (/idNumber/i.test(name)) return idNumberFor('1980-01-01');
      if (/password/i.test(name)) return TEST_PASSWORD;
      return '测试';
  }
}

function isBooleanParam(schema: JsonSchema): boolean {
  return schema.type === 'boolean' || (schema.anyOf ?? schema.oneOf ?? []).some((s) => s.type === 'boolean' || s.enum?.includes('true'));
}

// ── Requests, probes and judging ────────────────────────────────────────────────────────────────────────────────

interface Req {
  method: string;
  url: string;
  path: Record<string, string | number>;
  query: Record<string, string>;
  body?: unknown;
  workbook?: WorkbookRecords;
}

type Value = string | number;
interface Probe {
  slot: string;
  value: Value;
  build: (v: Value) => Req;
  /** The value a missing record would have here; for an identity field of a new record, an own one (taken). */
  reference: Value;
}

interface Caller {
  role: SweepRole;
  user: UserView;
  headers: Record<string, string>;
  /** Ids the caller may see, by kind. */
  own: Ids;
}

interface Findings {
  failures: string[];
  visited: Set<string>;
  /** Probes answered 400 (validation before scope), by route and slot. */
  validationFirst: Set<string>;
  /** Probes answered 403 exactly as for a missing record: the refusal comes from the role or an own record. */
  deniedAlike: Set<string>;
  /** Probes answered 409 exactly as for an own taken value: a new record's code, username, ID number is unique. */
  takenAlike: Set<string>;
  requests: number;
}

async function send(app: FastifyInstance, headers: Record<string, string>, req: Req): Promise<LightMyRequestResponse> {
  const path = req.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(req.path[name])));
  const qs = new URLSearchParams(req.query).toString();
  const url = qs ? `${path}?${qs}` : path;
  const method = req.method as InjectOptions['method'];
  if (req.workbook) {
    return app.inject({ method, url, headers: { ...headers, 'content-type': XLSX_TYPE }, payload: await workbookBuffer(req.workbook) });
  }
  return app.inject({ method, url, headers, ...(req.body !== undefined && { payload: req.body as object }) });
}

function is2xx(res: LightMyRequestResponse): boolean {
  return res.statusCode >= 200 && res.statusCode < 300;
}

function errorCode(res: LightMyRequestResponse): string {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    return '';
  }
}

/** The answer with the probed value itself set aside, so "ZZB2 不存在" and "ZZMISSING 不存在" compare equal. */
function normalized(body: string, value: Value): string {
  const v = String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const edge = typeof value === 'number' ? '\\d' : '[A-Za-z0-9_.-]';
  return body.replace(new RegExp(`(?<!${edge})${v}(?!${edge})`, 'g'), '⟨value⟩');
}

async function answerOf(res: LightMyRequestResponse): Promise<unknown> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith(XLSX_TYPE)) return workbookCells(res.rawPayload);
  // A report as DOCX: the text of its paragraphs (the body, the appendix table), read like the Markdown one.
  if (type.startsWith(DOCX_TYPE)) return docxParagraphs(res.rawPayload);
  if (type.includes('json')) return res.json();
  return res.body;
}

/**
 * What of a foreign record a 2xx answer holds: any foreign code, name, topic, username or token prefix, and any
 * record of the route's kind with a foreign id. A record (an object or a workbook row) holding B1's code may name
 * B1's ancestors — B1's own parentCode — and nothing else foreign.
 */
function leaksIn(answer: unknown, county: County, kind: Kind | undefined): string[] {
  const found: string[] = [];
  const foreignIds = new Set(kind ? county.foreign[kind] : []);
  const walk = (v: unknown, ownRecord: boolean): void => {
    if (typeof v === 'string') {
      for (const f of county.forbidden) {
        if (v.includes(f) && !(ownRecord && ANCESTORS.includes(v))) found.push(`"${f}" in "${v.slice(0, 80)}"`);
      }
    } else if (Array.isArray(v)) {
      const own = v.includes(OWN);
      for (const x of v) walk(x, own);
    } else if (v && typeof v === 'object') {
      const record = v as Record<string, unknown>;
      if (typeof record.id === 'number') {
        const evidenceKind = typeof record.type === 'string' ? EVIDENCE_KINDS[record.type] : undefined;
        const ids = evidenceKind ? new Set(county.foreign[evidenceKind]) : foreignIds;
        if (ids.has(record.id)) found.push(`${evidenceKind ?? kind} id ${record.id}`);
      }
      const own = Object.values(record).includes(OWN);
      for (const x of Object.values(record)) walk(x, own);
    }
  };
  walk(answer, false);
  return found;
}

/** Every request the sweep sends for one route as one caller: the own baselines of a read, and the probes. */
function planRoute(route: { method: string; url: string }, doc: RouteDoc, caller: Caller, county: County): { baselines: Req[]; probes: Probe[] } {
  const key = `${route.method} ${route.url}`;
  const kind = kindOf(route.url);
  const read = route.method === 'GET' || route.method === 'HEAD';
  const ownIds = new Set(kind ? caller.own[kind] : KINDS.flatMap((k) => caller.own[k]));
  const foreignIds = [...new Set(KINDS.flatMap((k) => county.foreign[k]))].filter((id) => !ownIds.has(id)).sort((a, b) => a - b);
  const candidates = (slotKind: 'code' | 'id' | 'both'): Value[] =>
    slotKind === 'code' ? [...FOREIGN_CODES] : slotKind === 'id' ? foreignIds : [...FOREIGN_CODES, ...foreignIds];

  // Own defaults: path parameters name a B1 record (an own id of the route's kind), required query parameters B1.
  const pathNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const slotKindOf = (name: string): 'code' | 'id' | 'both' => (CODE_FIELD.test(name) ? 'code' : ID_FIELD.test(name) ? 'id' : 'both');
  const ownPath: Record<string, Value> = {};
  for (const name of pathNames) {
    const k = slotKindOf(name);
    ownPath[name] = PATH_VALUES[route.url]?.[name] ?? (k === 'code' ? OWN : ((kind && caller.own[kind][0]) ?? MISSING_ID));
  }
  const requiredQuery: Record<string, string> = {};
  for (const q of doc.query) if (q.required) requiredQuery[q.name] = String(sample(q.schema, q.name));

  const upload = doc.consumes.includes(XLSX_TYPE);
  const explicitBody = BODIES[key];
  const bodyFields = Object.keys(doc.body?.properties ?? {});
  const ownBody = explicitBody ?? (doc.body ? (sample({ ...doc.body, type: 'object' }, '') as Record<string, unknown>) : undefined);

  const base = (): Req => ({
    method: route.method,
    url: route.url,
    path: { ...ownPath },
    query: { ...requiredQuery },
    ...(ownBody !== undefined && { body: { ...ownBody } }),
  });

  const probes: Probe[] = [];
  const probe = (slot: string, value: Value, reference: Value, set: (r: Req, v: Value) => void) => {
    const build = (v: Value) => {
      const r = base();
      set(r, v);
      return r;
    };
    probes.push({ slot, value, reference, build });
  };
  const addSlot = (slot: string, slotKind: 'code' | 'id' | 'both', set: (r: Req, v: Value) => void) => {
    for (const value of candidates(slotKind)) probe(slot, value, typeof value === 'number' ? MISSING_ID : MISSING_CODE, set);
  };
  for (const name of pathNames) addSlot(`:${name}`, slotKindOf(name), (r, v) => (r.path[name] = v));
  for (const q of doc.query) {
    if (CODE_FIELD.test(q.name)) addSlot(`?${q.name}`, 'code', (r, v) => (r.query[q.name] = String(v)));
    else if (ID_FIELD.test(q.name)) addSlot(`?${q.name}`, 'id', (r, v) => (r.query[q.name] = String(v)));
  }
  const creates = route.method === 'POST' && pathNames.length === 0;
  for (const name of bodyFields) {
    const setBody = (r: Req, v: Value) => ((r.body as Record<string, unknown>)[name] = v);
    if (creates && (IDENTITY_FIELDS as readonly string[]).includes(name)) {
      // What a new record is known by is unique county-wide, so a value taken outside B1 is compared with one taken
      // in B1 (a missing one would create the record): both must answer alike.
      const field = name as IdentityField;
      const own = { code: OWN, username: caller.user.username, idNumber: county.ownIdNumber }[field];
      for (const value of county.foreignIdentities[field]) probe(`body.${name}`, value, own, setBody);
    } else if (CODE_FIELD.test(name)) {
      addSlot(`body.${name}`, 'code', setBody);
    } else if (creates && ID_FIELD.test(name)) {
      // A new record naming an existing one by id (the member of a donation or an honor): that id is probed too.
      addSlot(`body.${name}`, 'id', setBody);
    }
  }
  if (upload) {
    for (const [name, template] of Object.entries(IMPORT_TEMPLATES)) {
      for (const foreign of FOREIGN_CODES) probe(`workbook: ${name}`, foreign, MISSING_CODE, (r, v) => (r.workbook = template(String(v), foreign)));
    }
  }

  const baselines: Req[] = [];
  if (read) {
    baselines.push(base());
    const wide = base();
    for (const q of doc.query) {
      if (CODE_FIELD.test(q.name)) wide.query[q.name] = OWN;
      else if (isBooleanParam(q.schema)) wide.query[q.name] = 'true';
    }
    baselines.push(wide);
    // Every other value of an enumerated parameter (the tree format, each stage, kind or status) is a view of its own.
    for (const q of doc.query) {
      if (CODE_FIELD.test(q.name) || !q.schema.enum) continue;
      for (const value of q.schema.enum.slice(1)) baselines.push({ ...wide, query: { ...wide.query, [q.name]: String(value) } });
    }
  }
  return { baselines, probes };
}

async function sweepAs(app: FastifyInstance, doc: OpenApiDoc, caller: Caller, county: County, findings: Findings): Promise<void> {
  const routes = app.routeList().filter((r) => !isPublic(r.url) && !OWN_ACCOUNT_ROUTES[`${r.method} ${r.url}`]);
  const fail = (msg: string) => findings.failures.push(`[${caller.role}@B1] ${msg}`);
  const request = async (req: Req) => {
    findings.requests += 1;
    return send(app, caller.headers, req);
  };
  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    const kind = kindOf(route.url);
    const routeInfo = routeDoc(doc, route.method, route.url);
    const upload = routeInfo.consumes.includes(XLSX_TYPE);
    const { baselines, probes } = planRoute(route, routeInfo, caller, county);
    if (baselines.length + probes.length > 0) findings.visited.add(key);

    for (const req of baselines) {
      const res = await request(req);
      if (res.statusCode === 400) fail(`${key} ${JSON.stringify(req.query)}: the sweep's own request is invalid: ${res.body}`);
      if (route.method === 'HEAD' || !is2xx(res)) continue;
      const leaks = leaksIn(await answerOf(res), county, kind);
      if (leaks.length > 0) fail(`${key} ${JSON.stringify(req.query)}: answer not clipped: ${leaks.join('; ')}`);
    }

    const references = new Map<string, LightMyRequestResponse>();
    for (const probe of probes) {
      const label = `${key} [${probe.slot} = ${probe.value}]`;
      const res = await request(probe.build(probe.value));
      const refReq = probe.build(probe.reference);
      const refKey = JSON.stringify(refReq);
      let ref = references.get(refKey);
      if (!ref) {
        ref = await request(refReq);
        references.set(refKey, ref);
      }
      const write = route.method !== 'GET' && route.method !== 'HEAD';
      if (write && is2xx(res)) {
        fail(`${label}: ${res.statusCode} — a write naming a foreign record went through: ${res.body.slice(0, 300)}`);
        continue;
      }
      if (res.statusCode !== ref.statusCode) {
        fail(`${label}: ${res.statusCode} ${errorCode(res)}, but ${probe.reference} gets ${ref.statusCode} ${errorCode(ref)}: ${res.body.slice(0, 300)}`);
        continue;
      }
      if (route.method === 'HEAD') continue;
      if (is2xx(res)) {
        const leaks = leaksIn(await answerOf(res), county, kind);
        if (leaks.length > 0) fail(`${label}: answer not clipped: ${leaks.join('; ')}`);
        continue;
      }
      if (normalized(res.body, probe.value) !== normalized(ref.body, probe.reference)) {
        fail(`${label}: the answer differs from that for ${probe.reference}:\n    ${res.body}\n    ${ref.body}`);
        continue;
      }
      // An upload answers every unknown organization as a row issue of one 400 IMPORT_INVALID: that is its "not found".
      if (res.statusCode === 400 && !upload) findings.validationFirst.add(`${key} [${probe.slot}]`);
      if (res.statusCode === 403) findings.deniedAlike.add(`${caller.role}: ${key} [${probe.slot}]`);
      if (res.statusCode === 409) findings.takenAlike.add(`${caller.role}: ${key} [${probe.slot}]`);
    }
  }
}

// ── The tests ───────────────────────────────────────────────────────────────────────────────────────────────────

/** What each engine's sweep noted, printed at the end with SCOPE_SWEEP_REPORT=1. */
const summary = new Map<string, Findings>();

describe.each(ENGINES)('scope sweep on %s', (engine: Engine) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let county: County;
  const callers = {} as Record<SweepRole, Caller>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    app = await buildApp({ engine, ctx: db.ctx });
    county = await buildCounty(db.ctx);
    for (const role of SWEEP_ROLES) {
      const user = county.b1Users[role];
      const users = role === 'org_admin' ? Object.values(county.b1Users).map((u) => u.id) : [user.id];
      callers[role] = {
        role,
        user,
        headers: await logIn(app, user.username, TEST_PASSWORD),
        own: { ...county.own, user: users, token: [] },
      };
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('every route answers a user of B1 about B2, T1, C and beyond exactly as about missing records, and changes nothing', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as OpenApiDoc;
    const findings: Findings = {
      failures: [],
      visited: new Set(),
      validationFirst: new Set(),
      deniedAlike: new Set(),
      takenAlike: new Set(),
      requests: 0,
    };
    const before = await snapshotTables(db.ctx);
    for (const role of SWEEP_ROLES) {
      await sweepAs(app, doc, callers[role], county, findings);
      expect(await snapshotTables(db.ctx), `the database after the sweep as ${role} of B1`).toEqual(before);
    }

    expect(findings.failures).toEqual([]);
    // Every non-public route was swept (a new route is, from its first registration; one the sweep cannot probe
    // — a write naming nothing — fails here until the sweep learns how).
    const swept = app
      .routeList()
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !isPublic(k.slice(k.indexOf(' ') + 1)) && !OWN_ACCOUNT_ROUTES[k]);
    expect(swept.filter((k) => !findings.visited.has(k))).toEqual([]);
    expect(swept.length).toBeGreaterThanOrEqual(40);
    expect([...findings.validationFirst].filter((k) => !VALIDATION_FIRST_ALLOWED.includes(k))).toEqual([]);
    // A refusal other than "not found" (403, 409) was the very answer a missing record (or an own taken code) got,
    // so it comes from the role or from B1's own record, never from the foreign one. SCOPE_SWEEP_REPORT=1 lists them.
    expect(findings.requests).toBeGreaterThan(1000);
    summary.set(engine, findings);
  });

  it('an export of a foreign organization is "not found", like a missing one; an export of everything holds B1 only', async () => {
    const missing = await app.inject({ url: `/api/export?org=${MISSING_CODE}`, headers: callers.secretary.headers });
    expect(missing.statusCode).toBe(404);
    for (const role of SWEEP_ROLES) {
      const { headers } = callers[role];
      for (const code of FOREIGN_CODES) {
        const res = await app.inject({ url: `/api/export?org=${code}`, headers });
        expect({ role, code, status: res.statusCode, error: errorCode(res) }).toEqual({ role, code, status: 404, error: 'ORG_NOT_FOUND' });
        expect(normalized(res.body, code)).toBe(normalized(missing.body, MISSING_CODE));
      }
      const all = await app.inject({ url: '/api/export', headers });
      expect(all.statusCode).toBe(200);
      const cells = await workbookCells(all.rawPayload);
      expect(leaksIn(cells, county, undefined)).toEqual([]);
      expect(JSON.stringify(cells)).toContain('本一甲');
    }
  });

  it('an import touching B2 is rejected whole, and nothing is written', async () => {
    const before = await snapshotTables(db.ctx);
    const ownRows: WorkbookRecords = {
      orgs: [OWN_GROUP],
      members: [{ name: '导入甲', idNumber: OWN_IMPORT_MEMBER, orgCode: OWN, status: '正式党员', joinedOn: '2010-07-01', confirmedOn: '2011-07-01' }],
      meetings: [{ orgCode: OWN, kind: '党课', heldOn: '2026-05-01', topic: '导入会议', expectedCount: 2, attendedCount: 2 }],
    };
    const otherIdNumber = idNumberFor('1983-01-01');
    const touching = (code: string): WorkbookRecords => ({
      ...ownRows,
      members: [
        ...ownRows.members!,
        { name: '导入乙', idNumber: otherIdNumber, orgCode: code, status: '正式党员', joinedOn: '2010-07-01', confirmedOn: '2011-07-01' },
      ],
    });
    for (const role of ['secretary', 'org_admin'] as const) {
      const { headers } = callers[role];
      const upload = async (records: WorkbookRecords, dryRun: boolean) =>
        app.inject({
          method: 'POST',
          url: `/api/import?dryRun=${dryRun}`,
          headers: { ...headers, 'content-type': XLSX_TYPE },
          payload: await workbookBuffer(records),
        });
      // B1's own rows alone would go in (checked as a dry run, which writes nothing) …
      const dry = await upload(ownRows, true);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toEqual({ dryRun: true, counts: { orgs: 1, members: 1, development: 0, meetings: 1, duesBases: 0, duesApprovals: 0, duesPayments: 0, studyRecords: 0, trainings: 0, trainingAttendance: 0, serviceRecords: 0, communityReports: 0, serviceTeams: 0, serviceTeamMembers: 0, honors: 0, donations: 0, ...NO_SUPERVISION } });
      // … but with one row in B2 the whole file is refused, the B2 row named like a missing organization.
      const res = await upload(touching(CODE.B2), false);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const error = (res.json() as { error: { code: string; issues: { sheet?: string; row?: number; code: string }[] } }).error;
      expect(error.code).toBe('IMPORT_INVALID');
      expect(error.issues.map((i) => [i.sheet, i.row])).toEqual([['党员', 3]]);
      expect(res.body).not.toContain('邻村党支部');
      const missing = await upload(touching(MISSING_CODE), false);
      expect(normalized(res.body, CODE.B2)).toBe(normalized(missing.body, MISSING_CODE));
      expect(await snapshotTables(db.ctx)).toEqual(before);
    }
  });
});

afterAll(() => {
  if (process.env.SCOPE_SWEEP_REPORT) {
    for (const [engine, f] of summary) {
      console.info(
        [
          `scope sweep on ${engine}: ${f.visited.size} routes, ${f.requests} requests`,
          `  400 before the scope check: ${[...f.validationFirst].join(', ') || 'none'}`,
          `  403 alike for foreign and missing (role / own record): ${[...f.deniedAlike].join('\n    ') || 'none'}`,
          `  409 alike for foreign and own taken codes: ${[...f.takenAlike].join(', ') || 'none'}`,
        ].join('\n'),
      );
    }
  }
});
