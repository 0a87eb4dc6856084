import { failure } from '../../../test/helpers/errors.js';
import { PassThrough } from 'node:stream';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, useTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { idNumberFor, makeCounty, makeMember, makeOrg } from '../../../test/factories.js';
import { AppError } from '../../shared/errors.js';
import { createDevelopment } from '../development/record-development.js';
import { recordMeeting } from '../meetings/record-meeting.js';
import { leaveMember } from '../members/leave-member.js';
import { transferMember } from '../members/transfer-member.js';
import { getOrg } from '../orgs/find-orgs.js';
import { updateOrg } from '../orgs/update-org.js';
import { withActor } from '../../context.js';
import { insertDuesApprovalsBulk, insertDuesBasesBulk, insertDuesPaymentsBulk } from '../dues/insert-dues-bulk.js';
import { insertDonationsBulk } from '../donations/insert-donations-bulk.js';
import { insertHonorsBulk } from '../honors/insert-honors-bulk.js';
import { insertCommunityReportsBulk, insertServiceRecordsBulk, insertServiceTeamsBulk, insertTeamMembersBulk } from '../service/insert-service-bulk.js';
import { insertStudyRecordsBulk, insertTrainingAttendanceBulk, insertTrainingsBulk } from '../study/insert-study-bulk.js';
import { exportWorkbook } from './export-workbook.js';
import { importWorkbook, parseWorkbook } from './import-workbook.js';
import { countyWorkbook, removeTmpFiles, tmpFile } from './workbook-fixtures.test.js';
import { SHEET_KEYS, SHEETS, SUPERVISION_SHEET_KEYS } from './workbook-format.js';

afterEach(removeTmpFiles);

/** What a workbook says, sheet by sheet: the parsed values of every row, in order. */
async function contents(file: string): Promise<Record<string, Record<string, unknown>[]>> {
  const parsed = await parseWorkbook({ file });
  expect(parsed.issues).toEqual([]);
  return Object.fromEntries(SHEET_KEYS.map((k) => [k, parsed[k].map((r) => r.values as Record<string, unknown>)]));
}

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'OK';
}

describe.each(ENGINES)('workbook export on %s', (engine) => {
  const t = useTestDatabase(engine);
  let fresh: TestDatabase | undefined;
  /** A second, empty database to import an exported workbook into. */
  const freshDatabase = async () => (fresh = await createTestDatabase(engine));
  afterEach(async () => {
    await fresh?.close();
    fresh = undefined;
  });

  /** A county built through the services: transfers, a member who left, development records, meetings. */
  async function buildCounty() {
    await makeCounty(t.ctx, 2);
    await updateOrg(t.ctx, 'C.T1', { lastElectionOn: '2021-08-01', termYears: 5, termExtendedTo: '2027-02-01' });
    await updateOrg(t.ctx, 'C.T1.B1', { committeeSize: 5 });
    await updateOrg(t.ctx, 'C.T1.B2', { committeeSize: 0 });
    const a = await makeMember(t.ctx, 'C.T1.B1', { phone: '13912345678' });
    await makeMember(t.ctx, 'C.T1.B1', { isMobile: true, mobileDestination: '浙江省杭州市', ethnicity: '满族' });
    const moved = await makeMember(t.ctx, 'C.T1.B1', { education: null, occupation: null });
    await transferMember(t.ctx, moved.id, { toOrgCode: 'C.T1.B2', transferredOn: '2020-01-01' });
    const left = await makeMember(t.ctx, 'C.T1.B2', { status: '预备党员', confirmedOn: null, joinedOn: '2026-02-01' });
    await leaveMember(t.ctx, left.id, { reason: '取消预备党员资格', leftOn: '2026-10-01' });
    await createDevelopment(t.ctx, {
      name: '钱八', idNumber: idNumberFor('1998-04-04', '女'), orgCode: 'C.T1.B2', appliedOn: '2022-01-01', activistOn: '2022-04-01',
      candidateOn: '2023-05-01', branchMeetingOn: '2024-06-01', approvedOn: '2024-06-20', conversionAppliedOn: '2025-05-20',
      conversionMeetingOn: '2025-06-01', conversionApprovedOn: '2025-06-15', introducers: `${a.name}、某某`, trainingHours: 40,
    });
    await createDevelopment(t.ctx, { name: '周九', idNumber: idNumberFor('2001-09-09'), orgCode: 'C.T1.B1', appliedOn: '2026-03-01' });
    await recordMeeting(t.ctx, {
      orgCode: 'C.T1.B1', kind: '支委会', heldOn: '2026-04-01', topic: '研究发展党员', host: a.name, expectedCount: 5, attendedCount: 3,
      absentees: [{ name: '甲', reason: '病假' }, { name: '乙', reason: null }], minutes: '一、……\n二、……',
    });
    await recordMeeting(t.ctx, { orgCode: 'C.T1', kind: '理论学习中心组学习', heldOn: '2026-05-01', topic: '学习', expectedCount: 9, attendedCount: 9 });
    // Dues: a working member with a 减交, and the moved member's rows written while still in B1 (exported with B2).
    const b1 = (await getOrg(t.ctx, 'C.T1.B1')).id;
    await insertDuesBasesBulk(t.ctx, [
      { membershipId: a.id, orgId: b1, fromMonth: '2026-01', category: '在职', baseFen: 600_000, note: null },
      { membershipId: moved.id, orgId: b1, fromMonth: '2019-06', category: '离退休', baseFen: 300_000, note: '养老金' },
    ]);
    await insertDuesApprovalsBulk(t.ctx, [
      { membershipId: a.id, orgId: b1, kind: '减交', fromMonth: '2026-05', toMonth: '2026-06', monthlyFen: 2000, reason: '患病', approvedBy: '中共测试镇委员会', approvedOn: '2026-04-20' },
    ]);
    await insertDuesPaymentsBulk(t.ctx, [
      { membershipId: a.id, orgId: b1, month: '2026-05', dueFen: 2000, paidFen: 2000, paidOn: '2026-05-20', note: '减交' },
      { membershipId: a.id, orgId: b1, month: '2026-01', dueFen: 9000, paidFen: 9000, paidOn: '2026-01-15', note: null },
      { membershipId: moved.id, orgId: b1, month: '2019-12', dueFen: 1500, paidFen: 1500, paidOn: '2019-12-05', note: null },
    ]);
    // The ledgers: the moved member's study was kept in B1 (exported with B2, where he is now); a township's training
    // attended from both branches; a team of B2 with a volunteer from the public; honors to a member, to B2 and by name.
    const b2 = (await getOrg(t.ctx, 'C.T1.B2')).id;
    const t1 = (await getOrg(t.ctx, 'C.T1')).id;
    await insertStudyRecordsBulk(t.ctx, [
      { membershipId: a.id, orgId: b1, studiedOn: '2026-03-02', kind: '集中学习', title: '学习党章', minutes: 120, points: 4, source: null },
      { membershipId: moved.id, orgId: b1, studiedOn: '2019-11-02', kind: '自学', title: '读原著', minutes: 90, points: 3, source: '学习强国' },
    ]);
    const [training] = await insertTrainingsBulk(t.ctx, [
      {
        orgId: t1, title: '书记培训班', kind: '培训班', level: '乡镇（街道）级', audience: '基层党组织书记', subject: null, startOn: '2026-05-10', endOn: '2026-05-14',
        minutes: 1920, concentrated: true, audienceCount: null, note: null,
      },
    ]);
    await insertTrainingAttendanceBulk(t.ctx, [
      { trainingId: training!, membershipId: a.id, orgId: b1, minutes: 1920, completed: true },
      { trainingId: training!, membershipId: moved.id, orgId: b2, minutes: 960, completed: false },
    ]);
    await insertServiceRecordsBulk(t.ctx, [
      { orgId: b1, membershipId: a.id, kind: '志愿服务', category: null, title: '清理河道', happenedOn: '2026-04-12', status: '已办结', doneOn: '2026-04-12', minutes: 75, beneficiaries: 50, note: null },
    ]);
    await insertCommunityReportsBulk(t.ctx, [
      { orgId: b1, membershipId: a.id, communityOrgId: null, communityName: '城关社区', unitLevel: '县级', reportedOn: '2026-02-01', endedOn: null, note: null },
    ]);
    const [team] = await insertServiceTeamsBulk(t.ctx, [{ orgId: b2, kind: '志愿服务队', name: '党员志愿服务队', establishedOn: '2025-01-01', dissolvedOn: null, note: null }]);
    await insertTeamMembersBulk(t.ctx, [
      { teamId: team!, orgId: b2, membershipId: moved.id, name: null, joinedOn: '2025-01-01', leftOn: null },
      { teamId: team!, orgId: b2, membershipId: null, name: '刘大妈', joinedOn: '2025-02-01', leftOn: null },
    ]);
    const honor = { title: '优秀共产党员', level: '县级', awardedBy: '中共测试县委员会', awardedOn: '2026-06-30', revokedOn: null, note: null };
    await insertHonorsBulk(t.ctx, [
      { ...honor, orgId: b1, kind: '表彰', recipientKind: '个人', membershipId: a.id, recipientOrgId: null, recipientName: a.name },
      { ...honor, orgId: b2, kind: '命名', recipientKind: '集体', membershipId: null, recipientOrgId: b2, recipientName: '测试村2党支部', title: '五星级党支部' },
      { ...honor, orgId: t1, kind: '评选', recipientKind: '家庭', membershipId: null, recipientOrgId: null, recipientName: '王家', title: '最美家庭', revokedOn: '2026-08-01' },
    ]);
    await insertDonationsBulk(t.ctx, [{ orgId: b1, membershipId: a.id, campaign: '抗洪救灾特殊党费', donatedOn: '2026-07-20', amountFen: 20050, note: null }]);
  }

  const NO_SUPERVISION = Object.fromEntries(SUPERVISION_SHEET_KEYS.map((k) => [k, 0])) as Record<(typeof SUPERVISION_SHEET_KEYS)[number], number>;
  const LEDGER_COUNTS = {
    studyRecords: 2, trainings: 1, trainingAttendance: 2, serviceRecords: 1, communityReports: 1, serviceTeams: 1, serviceTeamMembers: 2, honors: 3, donations: 1, ...NO_SUPERVISION,
  };

  it('exports everything and imports it back into an empty database exactly', async () => {
    await buildCounty();
    const first = tmpFile('xlsx');
    const phases = new Set<string>();
    const counts = await exportWorkbook(t.ctx, { file: first }, { onProgress: (_d, _t, p) => phases.add(p) });
    expect(counts).toEqual({ orgs: 4, members: 5, development: 2, meetings: 2, duesBases: 2, duesApprovals: 1, duesPayments: 3, ...LEDGER_COUNTS });
    expect([...phases]).toEqual(['导出']);
    const exported = await contents(first);
    expect(exported.orgs!.map((o) => [o.code, o.committeeSize, o.termExtendedTo])).toEqual([
      ['C', undefined, undefined], ['C.T1', undefined, '2027-02-01'], ['C.T1.B1', 5, undefined], ['C.T1.B2', 0, undefined],
    ]);
    expect(exported.members!.map((m) => [m.orgCode, m.leaveReason])).toEqual([
      ['C.T1.B1', undefined], ['C.T1.B1', undefined], ['C.T1.B2', undefined], ['C.T1.B2', '取消预备党员资格'], ['C.T1.B2', undefined],
    ]);

    // Amounts as text in 元, a member's rows by month.
    expect(exported.duesPayments!.map((p) => [p.month, p.dueFen, p.paidFen])).toEqual([['2026-01', 9000, 9000], ['2026-05', 2000, 2000], ['2019-12', 1500, 1500]]);
    expect(exported.duesBases!.map((b) => [b.category, b.baseFen, b.note])).toEqual([['在职', 600_000, undefined], ['离退休', 300_000, '养老金']]);
    expect(exported.duesApprovals).toEqual([
      { idNumber: exported.members![0]!.idNumber, kind: '减交', fromMonth: '2026-05', toMonth: '2026-06', monthlyFen: 2000, reason: '患病', approvedBy: '中共测试镇委员会', approvedOn: '2026-04-20' },
    ]);

    // The ledgers: hours as written ("1.25" where one decimal would not be exact), keys the records' ids, a member's
    // rows with the organization he is in now, names beside ID numbers and codes.
    const [a, moved] = [exported.members![0]!, exported.members![2]!];
    expect(exported.studyRecords!.map((r) => [r.idNumber, r.name, r.hours, r.points])).toEqual([[a.idNumber, a.name, '2.0', 4], [moved.idNumber, moved.name, '1.5', 3]]);
    expect(exported.trainings!.map((r) => [r.key, r.orgCode, r.hours, r.concentrated])).toEqual([['1', 'C.T1', '32.0', true]]);
    expect(exported.trainingAttendance!.map((r) => [r.key, r.idNumber, r.hours, r.completed])).toEqual([['1', a.idNumber, '32.0', true], ['1', moved.idNumber, '16.0', false]]);
    expect(exported.serviceRecords).toEqual([
      { orgCode: 'C.T1.B1', idNumber: a.idNumber, kind: '志愿服务', title: '清理河道', happenedOn: '2026-04-12', status: '已办结', doneOn: '2026-04-12', hours: '1.25', beneficiaries: 50 },
    ]);
    expect(exported.serviceTeamMembers!.map((r) => [r.key, r.idNumber, r.name])).toEqual([['1', moved.idNumber, moved.name], ['1', undefined, '刘大妈']]);
    expect(exported.honors!.map((r) => [r.orgCode, r.idNumber, r.recipientOrgCode, r.recipientName, r.revokedOn])).toEqual([
      ['C.T1', undefined, undefined, '王家', '2026-08-01'],
      ['C.T1.B1', a.idNumber, undefined, a.name, undefined],
      ['C.T1.B2', undefined, 'C.T1.B2', '测试村2党支部', undefined],
    ]);
    expect(exported.donations!.map((r) => [r.idNumber, r.amount])).toEqual([[a.idNumber, '200.50']]);

    const target = (await freshDatabase()).ctx;
    expect((await importWorkbook(target, { file: first })).counts).toEqual(counts);
    const second = tmpFile('xlsx');
    await exportWorkbook(target, { file: second });
    expect(await contents(second)).toEqual(exported);
  });

  it('continues a sheet past its row limit on （续1）, （续2）… sheets, imports them back, and places problems on them', async () => {
    await buildCounty();
    const file = tmpFile('xlsx');
    const counts = await exportWorkbook(t.ctx, { file }, { maxSheetRows: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('党费缴纳'))).toEqual(['党费缴纳', '党费缴纳（续1）', '党费缴纳（续2）']);
    const target = (await freshDatabase()).ctx;
    expect((await importWorkbook(target, { file })).counts).toEqual(counts);

    // A wrong amount on the second continuation sheet is reported there, at its own row.
    wb.getWorksheet('党费缴纳（续2）')!.getRow(2).getCell(3).value = '1.00';
    const broken = tmpFile('xlsx');
    await wb.xlsx.writeFile(broken);
    const err = await failure(importWorkbook((await freshDatabase()).ctx, { file: broken }));
    expect(err.issues.map((i) => [i.sheet, i.row, i.code])).toContainEqual(['党费缴纳（续2）', 2, 'DUES_AMOUNT_MISMATCH']);
  });

  it('round-trips an imported workbook', async () => {
    await importWorkbook(t.ctx, { file: await countyWorkbook() });
    const first = tmpFile('xlsx');
    await exportWorkbook(t.ctx, { file: first });
    const target = (await freshDatabase()).ctx;
    await importWorkbook(target, { file: first });
    const second = tmpFile('xlsx');
    await exportWorkbook(target, { file: second });
    const exported = await contents(first);
    expect(await contents(second)).toEqual(exported);
    // Every supervision sheet came through, its keys the records' ids, the rows naming them by those keys.
    for (const k of SUPERVISION_SHEET_KEYS) expect(exported[k]!.length, k).toBeGreaterThan(0);
    expect(exported.problemEvents!.map((e) => e.action)).toEqual(['登记', '制定措施', '提请验收', '验收通过', '销号', '登记', '制定措施']);
    expect(exported.tasks!.map((x) => [x.listKey, x.seq])).toEqual([[exported.responsibilityLists![0]!.key, 1], [undefined, undefined]]);
    expect(exported.inspectionTargets!.map((x) => [x.targetOrgCode, x.unitName])).toEqual([['C.T1', undefined], [undefined, '县供销社']]);
    expect(exported.weakCases![0]!.reasons).toBe('组织生活不经常；党员发展停滞');
    expect(exported.figureValues!.map((v) => [v.period, v.indicatorId, v.value, v.unit])).toEqual([['2026H1', 'cases_accepted', 12, '件'], ['2026H1', 'case_reviews', 5, '件']]);
  });

  it('exports a subtree: the organization itself with its parent code, and the records under it', async () => {
    await buildCounty();
    const file = tmpFile('xlsx');
    const subtree = {
      orgs: 1, members: 3, development: 1, meetings: 0, duesBases: 1, duesApprovals: 0, duesPayments: 1,
      studyRecords: 1, trainings: 0, trainingAttendance: 0, serviceRecords: 0, communityReports: 0, serviceTeams: 1, serviceTeamMembers: 2, honors: 1, donations: 0,
      ...NO_SUPERVISION,
    };
    expect(await exportWorkbook(t.ctx, { file }, { org: 'C.T1.B2' })).toEqual(subtree);
    const c = await contents(file);
    expect(c.orgs).toEqual([{ code: 'C.T1.B2', name: '测试村2党支部', parentCode: 'C.T1', kind: '党支部', sector: '农村', establishedOn: '2000-01-01', committeeSize: 0 }]);

    const target = (await freshDatabase()).ctx;
    await makeCounty(target, 0);
    expect((await importWorkbook(target, { file })).counts).toEqual(subtree);
  });

  it('masks the ID numbers of every sheet, the 党费 and ledger sheets too, for a viewer', async () => {
    await buildCounty();
    const county = await getOrg(t.ctx, 'C');
    const viewer = withActor(t.ctx, { kind: 'user', userId: 1, username: 'v', orgId: county.id, orgPath: county.path, roles: ['viewer'], ip: '127.0.0.1' });
    const file = tmpFile('xlsx');
    await exportWorkbook(viewer, { file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const name of ['党员', '党费基数', '党费审批', '党费缴纳', '学习记录', '参训人员', '服务记录', '到社区报到', '队伍人员', '表彰', '捐款']) {
      const ids: string[] = [];
      const ws = wb.getWorksheet(name)!;
      const column = (ws.getRow(1).values as unknown[]).indexOf('公民身份号码');
      ws.eachRow((row, n) => n > 1 && row.getCell(column).value && ids.push(String(row.getCell(column).value)));
      expect(ids.length, name).toBeGreaterThan(0);
      expect(ids.every((id) => /^\d{6}\*{8}[\dX]{4}$/.test(id)), name).toBe(true);
    }
    expect(wb.getWorksheet('党费缴纳')!.getRow(2).getCell(3).value).toBe('90.00');
  });

  it('writes text cells for ID numbers and dates, a bold frozen header and set widths', async () => {
    await buildCounty();
    const file = tmpFile('xlsx');
    await exportWorkbook(t.ctx, { file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEET_KEYS.map((k) => SHEETS[k].name));
    const ws = wb.getWorksheet('党员')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...SHEETS.members.columns.map((c) => c.header)]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(21);
    const id = ws.getRow(2).getCell(2);
    expect(typeof id.value).toBe('string');
    expect(id.numFmt).toBe('@');
    expect(typeof ws.getRow(2).getCell(10).value).toBe('string');
    expect(wb.getWorksheet('组织生活')!.getRow(2).getCell(6).value).toBe(9);
    const orgs = wb.getWorksheet('组织')!;
    expect(orgs.getRow(1).values).toEqual([undefined, ...SHEETS.orgs.columns.map((c) => c.header)]);
    expect(orgs.getRow(3).getCell(10).value).toBe('2027-02-01');
    expect(orgs.getRow(4).getCell(9).value).toBe(5);
    expect(orgs.getRow(5).getCell(9).value).toBe(0);
  });

  it('writes to a stream, and refuses an unknown organization or a missing directory', async () => {
    await buildCounty();
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportWorkbook(t.ctx, { stream: out }, { org: 'C.T1' });
    const target = (await freshDatabase()).ctx;
    await makeOrg(target, { code: 'C', kind: '党委', sector: '机关' });
    const report = await importWorkbook(target, { buffer: Buffer.concat(chunks), format: 'xlsx' });
    expect(report.counts).toEqual({ orgs: 3, members: 5, development: 2, meetings: 2, duesBases: 2, duesApprovals: 1, duesPayments: 3, ...LEDGER_COUNTS });

    expect(await errorCode(exportWorkbook(t.ctx, { file: tmpFile('xlsx') }, { org: 'NOPE' }))).toBe('ORG_NOT_FOUND');
    const missing = join(tmpFile('d'), 'x.xlsx');
    expect(await errorCode(exportWorkbook(t.ctx, { file: missing }))).toBe('FILE_NOT_FOUND');
    expect(existsSync(missing)).toBe(false);
  });
});
