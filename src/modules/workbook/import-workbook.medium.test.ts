import { readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { makeCounty, makeMember } from '../../../test/factories.js';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { makeIdNumber } from '../../shared/id-number.js';
import { findDevelopment } from '../development/find-development.js';
import { findMeetings } from '../meetings/find-meetings.js';
import { findMembers, getMember } from '../members/find-members.js';
import { getOrg, listSubtree } from '../orgs/find-orgs.js';
import { importWorkbook } from './import-workbook.js';
import { ID_AS_NUMBER_MESSAGE } from './cells.js';
import {
  countyWorkbook, developmentRecords, duesApprovalRecords, duesBaseRecords, duesPaymentRecords, ids, memberRecords, meetingRecords, orgRecords,
  communityReportRecords, donationRecords, honorRecords, noLedgerRows, serviceRecordRecords, serviceTeamMemberRecords, serviceTeamRecords,
  studyRecordRecords, trainingAttendanceRecords, trainingRecords, removeTmpFiles, sheetRows, tmpFile, writeCsv, writeXlsx,
  cadreEventRecords, designationRecords, disclosureItemRecords, disclosureRecords, figureValueRecords, inspectionRecords, inspectionTargetRecords, listItemRecords,
  problemEventRecords, problemRecords, publicationRecords, ratingRecords, responsibilityListRecords, taskEventRecords, taskRecords, weakCaseRecords,
} from './workbook-fixtures.test.js';
import { withActor } from '../../context.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { insertStudyRecordsBulk } from '../study/insert-study-bulk.js';
import { LEDGER_SHEET_KEYS } from './workbook-format.js';

afterEach(removeTmpFiles);

async function importError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const NO_LEDGERS = Object.fromEntries(LEDGER_SHEET_KEYS.map((k) => [k, 0])) as Record<(typeof LEDGER_SHEET_KEYS)[number], number>;
const SUPERVISION_COUNTS = {
  responsibilityLists: 1, listItems: 2, tasks: 2, taskEvents: 2, inspections: 1, inspectionTargets: 2, problems: 2, problemEvents: 7, ratings: 2, weakCases: 1,
  designations: 1, disclosureItems: 2, disclosures: 2, cadreEvents: 2, publications: 1, figureValues: 2,
};
const NO_ROWS = { orgs: 0, members: 0, development: 0, meetings: 0, duesBases: 0, duesApprovals: 0, duesPayments: 0, ...NO_LEDGERS };
const FULL_COUNTS = {
  orgs: 4, members: 4, development: 2, meetings: 2, duesBases: 3, duesApprovals: 2, duesPayments: 6,
  studyRecords: 3, trainings: 2, trainingAttendance: 3, serviceRecords: 3, communityReports: 1, serviceTeams: 2, serviceTeamMembers: 3, honors: 3, donations: 2,
  ...SUPERVISION_COUNTS,
};

const where = (i: FieldIssue) => `${i.sheet}!${i.row}:${i.column}:${i.code}`;

describe.each(ENGINES)('workbook import on %s', (engine) => {
  const t = useTestDatabase(engine);

  async function tableCounts() {
    type Table = 'organizations' | 'people' | 'memberships' | 'development_records' | 'meetings' | 'meeting_absences' | 'dues_bases' | 'dues_approvals' | 'dues_payments';
    const n = async (table: Table) => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return {
      orgs: await n('organizations'), people: await n('people'), memberships: await n('memberships'),
      development: await n('development_records'), meetings: await n('meetings'), absences: await n('meeting_absences'),
      dues: (await n('dues_bases')) + (await n('dues_approvals')) + (await n('dues_payments')),
    };
  }

  it('imports all four sheets, parents placed before children whatever the row order', async () => {
    const phases = new Set<string>();
    const report = await importWorkbook(t.ctx, { file: await countyWorkbook() }, { onProgress: (_d, _t, phase) => phases.add(phase) });
    expect(report).toEqual({ dryRun: false, counts: FULL_COUNTS });
    expect([...phases]).toEqual(['读取', '校验', '写入']);

    expect((await listSubtree(t.ctx)).map((o) => o.code)).toEqual(['C', 'C.T1', 'C.T1.B1', 'C.T1.B2']);
    const b1 = await getOrg(t.ctx, 'C.T1.B1');
    expect(b1).toMatchObject({ parentCode: 'C.T1', depth: 2, establishedOn: '2000-01-01', lastElectionOn: '2024-03-01', termYears: 5, committeeSize: 0, termExtendedTo: null });
    expect(await getOrg(t.ctx, 'C.T1')).toMatchObject({ lastElectionOn: '2021-08-01', committeeSize: null, termExtendedTo: '2027-02-01' });
    expect(await getOrg(t.ctx, 'C.T1.B2')).toMatchObject({ committeeSize: null, termExtendedTo: null });

    const members = await findMembers(t.ctx, { org: 'C', includeLeft: true });
    expect(members.items.map((m) => m.name)).toEqual(['张三', '李四', '王五', '赵六']);
    expect(members.items[0]).toMatchObject({ name: '张三', partyPost: '书记' });
    const li = await getMember(t.ctx, members.items[1]!.id);
    expect(li).toMatchObject({ leftOn: '2020-05-01', leaveReason: '死亡', ethnicity: '回族', gender: '女', birthDate: '1970-01-02' });
    const wang = await getMember(t.ctx, members.items[2]!.id);
    expect(wang).toMatchObject({ isMobile: true, mobileDestination: '广东省深圳市', status: '预备党员', entryKind: null });

    // 赵六 is on both sheets: one person, one membership, and the development record linked to it.
    const zhao = await getMember(t.ctx, members.items[3]!.id);
    expect(zhao).toMatchObject({ idNumber: ids.zhao, entryKind: '发展党员', entryOn: '2026-03-20' });
    const dev = await findDevelopment(t.ctx, { org: 'C' });
    expect(dev.items.map((d) => [d.name, d.stage, d.membershipId])).toEqual([
      ['赵六', '预备党员', zhao.id],
      ['孙七', '入党申请人', null],
    ]);
    expect(dev.items[0]).toMatchObject({ contacts: '张三、王五', trainingHours: 24, superiorInterviewOn: '2026-03-10' });

    const meetings = await findMeetings(t.ctx, { org: 'C' });
    expect(meetings.items.map((m) => [m.orgCode, m.kind, m.absentees])).toEqual([
      ['C.T1.B2', '主题党日', []],
      ['C.T1.B1', '支部党员大会', [{ name: '李四', reason: '病假' }]],
    ]);
    expect(await tableCounts()).toEqual({ orgs: 4, people: 5, memberships: 4, development: 2, meetings: 2, absences: 1, dues: 11 });
  });

  it('places organizations under parents already in the database', async () => {
    await makeCounty(t.ctx, 1);
    const file = await writeXlsx({
      组织: sheetRows('orgs', [
        { code: 'C.T1.B3.G1', name: '第一党小组', parentCode: 'C.T1.B3', kind: '党小组', sector: '农村' },
        { code: 'C.T1.B3', name: '测试村三党支部', parentCode: 'C.T1', kind: '党支部', sector: '农村' },
      ]),
    });
    expect((await importWorkbook(t.ctx, { file })).counts.orgs).toBe(2);
    const town = await getOrg(t.ctx, 'C.T1');
    const b3 = await getOrg(t.ctx, 'C.T1.B3');
    const g1 = await getOrg(t.ctx, 'C.T1.B3.G1');
    expect(b3.path).toBe(`${town.path}${b3.id}/`);
    expect(g1.path).toBe(`${b3.path}${g1.id}/`);
    expect(g1.depth).toBe(3);
  });

  it('imports a 组织 sheet written before the committee and extension columns, and checks them when present', async () => {
    const legacy = ['组织代码', '组织名称', '上级组织代码', '组织类别', '单位类型', '成立日期', '本届选举日期', '任期(年)'];
    const file = await writeXlsx({
      组织: [legacy, ['C', '中共测试县委员会', null, '党委', '机关', null, '2021-09-01', 5], ['C.B1', '测试支部', 'C', '党支部', '机关', '2001-01-01', null, null]],
    });
    expect((await importWorkbook(t.ctx, { file })).counts.orgs).toBe(2);
    expect(await getOrg(t.ctx, 'C')).toMatchObject({ lastElectionOn: '2021-09-01', termYears: 5, committeeSize: null, termExtendedTo: null });

    // Columns in any order, a header with spaces around it; an empty cell is "not recorded".
    const rows = [
      ['组织代码', '上级组织代码', '组织名称', '组织类别', '单位类型', '本届选举日期', '延期换届至', ' 支委会委员人数 '],
      ['C.B2', 'C', '测试二支部', '党支部', '机关', '2023-04-01', '2026年10月1日', 5],
      ['C.B2.G1', 'C.B2', '第一党小组', '党小组', '机关', null, null, 0],
      ['C.B3', 'C', '测试三支部', '党支部', '机关', null, null, '3'],
    ];
    expect((await importWorkbook(t.ctx, { file: await writeXlsx({ 组织: rows }) })).counts.orgs).toBe(3);
    expect(await getOrg(t.ctx, 'C.B2')).toMatchObject({ committeeSize: 5, termExtendedTo: '2026-10-01' });
    expect(await getOrg(t.ctx, 'C.B2.G1')).toMatchObject({ committeeSize: 0, termExtendedTo: null });
    expect(await getOrg(t.ctx, 'C.B3')).toMatchObject({ committeeSize: 3 });

    const before = await tableCounts();
    const bad = await writeXlsx({
      组织: sheetRows('orgs', [
        { code: 'C.B4', name: '甲', parentCode: 'C', kind: '党支部', sector: '机关', committeeSize: 16 },
        { code: 'C.B3.G1', name: '乙', parentCode: 'C.B3', kind: '党小组', sector: '机关', committeeSize: 3 },
        { code: 'C.B5', name: '丙', parentCode: 'C', kind: '党支部', sector: '机关', termExtendedTo: '2026-06-01' },
        { code: 'C.B6', name: '丁', parentCode: 'C', kind: '党支部', sector: '机关', lastElectionOn: '2024-05-01', termExtendedTo: '2023-05-01' },
        { code: 'C.B7', name: '戊', parentCode: 'C', kind: '党支部', sector: '机关', committeeSize: '三', termExtendedTo: '2026-02-30' },
        // An unreadable election date is reported once, not again as missing for the extension.
        { code: 'C.B8', name: '己', parentCode: 'C', kind: '党支部', sector: '机关', lastElectionOn: '2023-02-30', termExtendedTo: '2026-06-01' },
      ]),
    });
    const e = await importError(importWorkbook(t.ctx, { file: bad }));
    expect(e.issues.map(where)).toEqual([
      '组织!2:支委会委员人数:FIELD_INVALID',
      '组织!3:支委会委员人数:ORG_COMMITTEE_NOT_ALLOWED',
      '组织!4:本届选举日期:FIELD_REQUIRED',
      '组织!5:延期换届至:DATE_ORDER_INVALID',
      '组织!6:支委会委员人数:FIELD_INVALID',
      '组织!6:延期换届至:DATE_INVALID',
      '组织!7:本届选举日期:DATE_INVALID',
    ]);
    expect(e.issues[0]!.message).toBe('支委会委员人数：应为0–15的整数');
    expect(e.issues[1]!.message).toBe('党小组不设支部委员会，支委会委员人数只能填0或不填');
    expect(await tableCounts()).toEqual(before);
  });

  it('writes nothing when any row is wrong, and lists every problem with sheet, row and column', async () => {
    const file = await countyWorkbook({
      orgs: [...orgRecords, { code: 'C.T1.B9', name: '坏支部', parentCode: 'C.T1', kind: '支部', sector: '农村' }],
      members: [
        ...memberRecords,
        { name: '错一', idNumber: ids.zhang.slice(0, 17) + (ids.zhang[17] === '0' ? '1' : '0'), orgCode: 'C.T1.B1', status: '正式党员', joinedOn: '2010-07-01' },
        { name: '错二', idNumber: makeIdNumber('110101', '1980-01-01', 13), orgCode: 'C.T1', status: '党员', joinedOn: '2022-02-30' },
      ],
      meetings: [...meetingRecords, { orgCode: 'C.T1.B1', kind: '党课', heldOn: '2026-08-01', topic: '党课', expectedCount: 3, attendedCount: 5 }],
    });
    const before = await tableCounts();
    const e = await importError(importWorkbook(t.ctx, { file }));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toBe(`导入文件有${e.issues.length}处错误，未写入任何数据`);
    expect(e.issues.map(where)).toEqual([
      '组织!6:组织类别:VALUE_NOT_ALLOWED',
      '党员!6:公民身份号码:ID_NUMBER_INVALID',
      '党员!7:所在组织代码:MEMBER_ORG_NOT_BRANCH',
      '党员!7:党员类别:VALUE_NOT_ALLOWED',
      '党员!7:入党日期:DATE_INVALID',
      '组织生活!4:实到人数:ATTENDANCE_INVALID',
    ]);
    expect(e.issues[4]!.message).toContain('“2022-02-30”不是有效日期');
    expect(await tableCounts()).toEqual(before);
  });

  it('checks that a person on both sheets is the same person and admission, and how members left', async () => {
    const file = await countyWorkbook({
      members: [
        memberRecords[0]!,
        { ...memberRecords[1]!, leftOn: undefined },
        { ...memberRecords[2]!, leaveReason: '取消预备党员资格', leftOn: '2025-01-01' },
        { ...memberRecords[3]!, name: '赵陆', status: '正式党员', joinedOn: '2026-02-01' },
      ],
      development: [developmentRecords[0]!, { ...developmentRecords[1]!, idNumber: ids.zhang, name: '张三' }],
      duesPayments: [],
      ...noLedgerRows,
    });
    const e = await importError(importWorkbook(t.ctx, { file }));
    expect(e.issues.map(where)).toEqual([
      '党员!3:离开日期:FIELD_REQUIRED',
      '党员!4:离开日期:DATE_ORDER_INVALID',
      '发展党员!2:姓名:FIELD_INVALID',
      '发展党员!2:支部大会讨论日期:DATE_ORDER_INVALID',
      '发展党员!2:转正审批日期:MEMBER_STATUS_INVALID',
      '发展党员!3:上级党委审批日期:FIELD_INVALID',
    ]);
    expect(e.issues[2]!.message).toBe('姓名“赵六”与党员表第5行的“赵陆”不一致');
  });

  it('checks fully in a dry run and writes nothing', async () => {
    const report = await importWorkbook(t.ctx, { file: await countyWorkbook() }, { dryRun: true });
    expect(report).toEqual({ dryRun: true, counts: FULL_COUNTS });
    expect(await tableCounts()).toEqual({ orgs: 0, people: 0, memberships: 0, development: 0, meetings: 0, absences: 0, dues: 0 });
    const bad = await countyWorkbook({ members: [...memberRecords, memberRecords[0]!] });
    expect((await importError(importWorkbook(t.ctx, { file: bad }, { dryRun: true }))).code).toBe('IMPORT_INVALID');
  });

  it('rejects an ID number repeated in the file or already registered', async () => {
    const inFile = await countyWorkbook({
      members: [...memberRecords, { ...memberRecords[0]!, name: '张三重复' }],
      development: [...developmentRecords, { ...developmentRecords[1]!, name: '孙七' }],
    });
    const e1 = await importError(importWorkbook(t.ctx, { file: inFile }));
    expect(e1.issues.map(where)).toEqual(['党员!6:公民身份号码:ID_NUMBER_TAKEN', '发展党员!4:公民身份号码:ID_NUMBER_TAKEN']);
    expect(e1.issues[0]!.message).toBe('公民身份号码与本表第2行重复');

    await makeCounty(t.ctx, 1);
    await makeMember(t.ctx, 'C.T1.B1', { idNumber: ids.wang, joinedOn: '2012-07-01', confirmedOn: '2013-07-01' });
    const file = await writeXlsx({ 党员: sheetRows('members', memberRecords.map((m) => ({ ...m, orgCode: 'C.T1.B1' }))) });
    const e2 = await importError(importWorkbook(t.ctx, { file }));
    expect(e2.issues.map(where)).toEqual(['党员!4:公民身份号码:ID_NUMBER_TAKEN']);
    expect(e2.issues[0]!.message).toBe('该公民身份号码已登记');
  });

  it('rejects unknown organization codes, repeated codes and cycles among parents', async () => {
    const file = await countyWorkbook({
      orgs: [
        ...orgRecords,
        { code: 'C', name: '重复', kind: '党委', sector: '机关' },
        { code: 'X1', name: '甲', parentCode: 'X2', kind: '党委', sector: '机关' },
        { code: 'X2', name: '乙', parentCode: 'X1', kind: '党委', sector: '机关' },
        { code: 'X3', name: '丙', parentCode: 'NOPE', kind: '党委', sector: '机关' },
      ],
      members: [{ ...memberRecords[0]!, orgCode: 'C.T9' }],
      development: [],
      meetings: [{ ...meetingRecords[0]!, orgCode: 'Q' }],
      duesBases: [],
      duesApprovals: [],
      duesPayments: [],
      ...noLedgerRows,
    });
    const e = await importError(importWorkbook(t.ctx, { file }));
    expect(e.issues.map(where)).toEqual([
      '组织!6:组织代码:ORG_CODE_TAKEN',
      '组织!7:上级组织代码:ORG_CYCLE',
      '组织!8:上级组织代码:ORG_CYCLE',
      '组织!9:上级组织代码:ORG_NOT_FOUND',
      '党员!2:所在组织代码:ORG_NOT_FOUND',
      '组织生活!2:组织代码:ORG_NOT_FOUND',
    ]);
    expect(e.issues[1]!.message).toBe('上级组织关系形成循环：X1 → X2 → X1');
  });

  it('rejects ID numbers Excel stored as numbers, and reads Excel dates, serials, rich text and formulas', async () => {
    const header = sheetRows('members', [])[0]!;
    const row = (idNumber: unknown, joinedOn: unknown, name: unknown = '张三') => {
      const r: unknown[] = new Array(header.length).fill(null);
      const set = (h: string, v: unknown) => (r[header.indexOf(h)] = v);
      set('姓名', name);
      set('公民身份号码', idNumber);
      set('所在组织代码', 'C.T1.B1');
      set('党员类别', '正式党员');
      set('入党日期', joinedOn);
      return r;
    };
    await makeCounty(t.ctx, 1);
    const bad = await writeXlsx({ 党员: [header, row(110101198506151000, '2010-07-01'), row('1.10101198506151E+17', '2010/7/1')] });
    const e = await importError(importWorkbook(t.ctx, { file: bad }));
    expect(e.issues.map(where)).toEqual(['党员!2:公民身份号码:ID_NUMBER_INVALID', '党员!3:公民身份号码:ID_NUMBER_INVALID']);
    expect(e.issues[0]!.message).toBe(ID_AS_NUMBER_MESSAGE);

    const good = await writeXlsx({
      党员: [
        header,
        row(ids.zhang, new Date(Date.UTC(2010, 6, 1))),
        row(ids.li, 34881, '李四'), // 1995-07-01 as an Excel serial
        row({ richText: [{ text: ids.wang.slice(0, 9) }, { font: { bold: true }, text: ids.wang.slice(9) }] }, '2012年7月1日', '王五'),
        row(ids.zhao, '2020.07.01', { formula: 'CONCAT("赵","六")', result: '赵六' }),
      ],
    });
    expect((await importWorkbook(t.ctx, { file: good })).counts.members).toBe(4);
    const items = (await findMembers(t.ctx, { org: 'C' })).items;
    expect(items.map((m) => [m.name, m.joinedOn])).toEqual([
      ['张三', '2010-07-01'], ['李四', '1995-07-01'], ['王五', '2012-07-01'], ['赵六', '2020-07-01'],
    ]);
  });

  it('names unknown and missing columns, matches columns in any order, and skips empty rows', async () => {
    await makeCounty(t.ctx, 1);
    const bad = await writeXlsx({ 党员: [['姓名', '身份证号', '所在组织代码', '党员类别', '入党日期', '备注'], ['张三', ids.zhang, 'C.T1.B1', '正式党员', '2010-07-01', 'x']] });
    const e = await importError(importWorkbook(t.ctx, { file: bad }));
    expect(e.issues.map(where)).toEqual(['党员!1:公民身份号码:FIELD_REQUIRED', '党员!1:身份证号:FIELD_INVALID', '党员!1:备注:FIELD_INVALID']);

    const shuffled = await writeXlsx({
      说明: [['这一页不导入']],
      党员: [[], [' 入党日期 ', '党员类别', '公民身份号码', '所在组织代码', '姓名'], ['2010-07-01', '正式党员', ids.zhang, 'C.T1.B1', '张三'], [], [null, '  ', null]],
    });
    expect((await importWorkbook(t.ctx, { file: shuffled })).counts).toEqual({ ...NO_ROWS, members: 1 });
  });

  it('imports one sheet from a CSV file, recognized by its header', async () => {
    await makeCounty(t.ctx, 2);
    const rows = sheetRows('meetings', [
      ...meetingRecords.map((m) => ({ ...m, orgCode: 'C.T1.B1' })),
      { orgCode: 'C.T1.B2', kind: '党课', heldOn: '2026/9/1', topic: '讲党课，“学党史”', minutes: '第一行\n第二行', expectedCount: '5', attendedCount: '3', absentees: '甲（出差）；乙' },
    ]).map((r) => r.map((c) => (c === null ? '' : String(c))));
    const report = await importWorkbook(t.ctx, { file: await writeCsv(rows) });
    expect(report.counts).toEqual({ ...NO_ROWS, meetings: 3 });
    const b2 = (await findMeetings(t.ctx, { org: 'C.T1.B2' })).items[0]!;
    expect(b2).toMatchObject({ heldOn: '2026-09-01', topic: '讲党课，“学党史”', minutes: '第一行\n第二行', expectedCount: 5 });
    expect(b2.absentees).toEqual([{ name: '甲', reason: '出差' }, { name: '乙', reason: null }]);

    const members = sheetRows('members', [{ ...memberRecords[0]!, idNumber: '1.10101E+17' }]).map((r) => r.map((c) => String(c ?? '')));
    const e = await importError(importWorkbook(t.ctx, { buffer: await readFile(await writeCsv(members, false)), format: 'csv' }));
    expect(e.issues.map(where)).toEqual(['党员!2:公民身份号码:ID_NUMBER_INVALID']);
  });

  it('imports the 党费 sheets keyed to the 党员 sheet, in fen, with the membership and its organization', async () => {
    await importWorkbook(t.ctx, { file: await countyWorkbook() });
    const rows = await t.ctx.db
      .selectFrom('dues_payments as d')
      .innerJoin('memberships as m', 'm.id', 'd.membership_id')
      .innerJoin('organizations as o', 'o.id', 'd.org_id')
      .select(['m.org_id', 'o.code', 'd.month', 'd.due_fen', 'd.paid_fen', 'd.paid_on', 'd.note'])
      .orderBy('d.id')
      .execute();
    expect(rows.every((r) => r.org_id !== null)).toBe(true);
    expect(rows.map((r) => [r.code, r.month, r.due_fen, r.paid_fen, r.paid_on, r.note])).toEqual([
      ['C.T1.B1', '2026-01', 50, 50, '2026-03-25', '按季交纳'],
      ['C.T1.B1', '2026-02', 50, 50, '2026-03-25', '按季交纳'],
      ['C.T1.B1', '2026-03', 50, 50, '2026-03-25', '按季交纳'],
      ['C.T1.B2', '2026-01', 4500, 4500, '2026-01-20', null],
      ['C.T1.B2', '2026-07', 7800, 10000, '2026-07-15', '多交22元'],
      ['C.T1.B2', '2026-09', 1000, 1000, '2026-09-10', null],
    ]);
    const bases = await t.ctx.db.selectFrom('dues_bases').select(['from_month', 'category', 'base_fen', 'note']).orderBy('id').execute();
    expect(bases).toEqual([
      { from_month: '2026-01', category: '农民', base_fen: null, note: null },
      { from_month: '2026-01', category: '在职', base_fen: 450000, note: null },
      { from_month: '2026-07', category: '在职', base_fen: 520000, note: '工资调整' },
    ]);
    const approvals = await t.ctx.db.selectFrom('dues_approvals').select(['kind', 'from_month', 'to_month', 'monthly_fen', 'approved_by', 'approved_on']).orderBy('id').execute();
    expect(approvals).toEqual([
      { kind: '按季交纳', from_month: '2026-01', to_month: null, monthly_fen: null, approved_by: '测试村一党支部', approved_on: '2025-12-20' },
      { kind: '减交', from_month: '2026-09', to_month: '2026-12', monthly_fen: 1000, approved_by: '中共测试镇委员会', approved_on: '2026-08-20' },
    ]);

    // A workbook written before the 党费 sheets imports as it did.
    const old = await writeXlsx({ 党员: sheetRows('members', [{ name: '周八', idNumber: makeIdNumber('110101', '1980-02-02', 77), orgCode: 'C.T1.B1', status: '正式党员', joinedOn: '2010-07-01', confirmedOn: '2011-07-01' }]) });
    expect((await importWorkbook(t.ctx, { file: old })).counts).toMatchObject({ members: 1, duesBases: 0, duesApprovals: 0, duesPayments: 0 });
  });

  it('checks each 党费 cell and the amounts against the bases and approvals, naming both figures', async () => {
    const temp = makeIdNumber('110101', '1988-08-08', 91);
    const file = await countyWorkbook({
      orgs: [...orgRecords, { code: 'C.T1.L1', name: '测试项目临时党支部', parentCode: 'C.T1', kind: '临时党支部', sector: '其他' }],
      members: [...memberRecords, { name: '钱临', idNumber: temp, orgCode: 'C.T1.L1', status: '正式党员', joinedOn: '2015-07-01', confirmedOn: '2016-07-01' }],
      duesBases: [
        ...duesBaseRecords,
        { idNumber: ids.zhao, fromMonth: '2026-13', category: '在职', baseFen: 3000 },
        { idNumber: ids.zhao, fromMonth: '2026-04', category: '在职' },
        { idNumber: ids.li, fromMonth: '2020-01', category: '农民', baseFen: '100' },
        { idNumber: ids.sun, fromMonth: '2026-06', category: '学生' },
        { idNumber: ids.wang, fromMonth: '2026-07', category: '在职', baseFen: '5300' },
        { idNumber: ids.zhang, fromMonth: '2026-05', category: '退休' },
        { idNumber: temp, fromMonth: '2026-01', category: '在职', baseFen: '6000' },
      ],
      duesApprovals: [
        ...duesApprovalRecords,
        { idNumber: ids.wang, kind: '缓交', fromMonth: '2026-01', reason: '甲', approvedBy: '乙', approvedOn: '2026-01-01' },
        { idNumber: ids.wang, kind: '减交', fromMonth: '2026-10', reason: '甲', approvedBy: '乙', approvedOn: '2026-09-01' },
        { idNumber: ids.wang, kind: '免交', fromMonth: '2026-03', toMonth: '2026-02', reason: '甲', approvedBy: '乙', approvedOn: '2026-01-01' },
      ],
      duesPayments: [
        ...duesPaymentRecords,
        { idNumber: ids.wang, month: '2026-08', dueFen: '45.00', paidFen: '45.00', paidOn: '2026-08-10' },
        { idNumber: ids.wang, month: '2026-09', dueFen: '10.00', paidFen: '10.00', paidOn: '2026-09-11' },
        { idNumber: ids.wang, month: '2026-10', dueFen: '十元', paidFen: '10.001', paidOn: '2026-10-10' },
        { idNumber: ids.wang, month: '2025-12', dueFen: '45', paidFen: '45', paidOn: '2025-12-10' },
        { idNumber: ids.zhang, month: '2025-12', dueFen: '0.5', paidFen: '0.5', paidOn: '2025-12-10' },
      ],
    });
    const before = await tableCounts();
    const e = await importError(importWorkbook(t.ctx, { file }));
    expect(e.issues.map(where)).toEqual([
      '党费基数!5:起始月份:DUES_MONTH_INVALID',
      '党费基数!6:月缴纳基数（元）:FIELD_REQUIRED',
      '党费基数!7:月缴纳基数（元）:FIELD_INVALID',
      '党费基数!8:公民身份号码:MEMBER_NOT_FOUND',
      '党费基数!9:起始月份:DUES_DUPLICATE',
      '党费基数!10:党费类别:VALUE_NOT_ALLOWED',
      '党费基数!11:公民身份号码:DUES_NOT_COLLECTED',
      '党费审批!4:审批类型:VALUE_NOT_ALLOWED',
      '党费审批!5:起始月份:DUES_APPROVAL_OVERLAP',
      '党费审批!5:每月金额（元）:FIELD_REQUIRED',
      '党费审批!6:截止月份:DATE_ORDER_INVALID',
      '党费缴纳!8:应交金额（元）:DUES_AMOUNT_MISMATCH',
      '党费缴纳!9:所属月份:DUES_DUPLICATE',
      '党费缴纳!10:应交金额（元）:DUES_AMOUNT_INVALID',
      '党费缴纳!10:实交金额（元）:DUES_AMOUNT_INVALID',
      '党费缴纳!11:所属月份:DATE_ORDER_INVALID',
      '党费缴纳!11:应交金额（元）:DUES_BASE_MISSING',
      '党费缴纳!12:应交金额（元）:DUES_BASE_MISSING',
    ]);
    expect(e.issues.find((i) => i.code === 'DUES_AMOUNT_MISMATCH')!.message).toBe('应交金额45.00元与按党费基数和审批计算的78.00元不一致');
    expect(e.issues.find((i) => i.code === 'DUES_NOT_COLLECTED')!.message).toContain('临时党支部不收缴党费');
    expect(await tableCounts()).toEqual(before);
  });

  it('rejects 党费 rows of members in an organization the importer may not change', async () => {
    await makeCounty(t.ctx, 2);
    const file = await writeXlsx({
      党员: sheetRows('members', [{ ...memberRecords[0]!, orgCode: 'C.T1.B2', phone: null }]),
      党费基数: sheetRows('duesBases', [duesBaseRecords[0]!]),
    });
    expect((await importWorkbook(t.ctx, { file }, { dryRun: true })).counts.duesBases).toBe(1);
    // A township secretary sees the branch but writes only the township committee itself.
    const town = await getOrg(t.ctx, 'C.T1');
    const secretary = withActor(t.ctx, { kind: 'user', userId: 1, username: 'u', orgId: town.id, orgPath: town.path, roles: ['secretary'], ip: '127.0.0.1' });
    const e = await importError(importWorkbook(secretary, { file }));
    expect(e.issues.map(where)).toEqual(['党员!2:所在组织代码:PERMISSION_DENIED', '党费基数!2:公民身份号码:PERMISSION_DENIED']);
  });

  it('imports the ledger sheets: points within the daily cap, keys tied to their trainings and teams, rows under the right organization', async () => {
    await importWorkbook(t.ctx, { file: await countyWorkbook() });
    const db = t.ctx.db;
    const code = (id: number | null) => (id === null ? null : db.selectFrom('organizations').select('code').where('id', '=', id).executeTakeFirstOrThrow().then((o) => o.code));
    const study = await db.selectFrom('study_records').select(['org_id', 'studied_on', 'minutes', 'points', 'source']).orderBy('id').execute();
    expect(await Promise.all(study.map(async (r) => [await code(r.org_id), r.studied_on, r.minutes, r.points, r.source]))).toEqual([
      ['C.T1.B1', '2026-06-05', 120, 4, null],
      ['C.T1.B1', '2026-06-05', 180, 4, '党员教育网络学院'],
      ['C.T1.B2', '2026-07-01', 90, 3, '学习强国'],
    ]);
    const trainings = await db.selectFrom('trainings').select(['id', 'org_id', 'minutes', 'concentrated', 'audience_count', 'subject']).orderBy('id').execute();
    expect(await Promise.all(trainings.map(async (r) => [await code(r.org_id), r.minutes, r.concentrated, r.audience_count, r.subject]))).toEqual([
      ['C.T1', 1920, 1, null, '乡村振兴'],
      ['C.T1.B2', 90, 0, 30, null],
    ]);
    const attendance = await db.selectFrom('training_attendance').select(['training_id', 'org_id', 'minutes', 'completed']).orderBy('id').execute();
    expect(await Promise.all(attendance.map(async (r) => [r.training_id, await code(r.org_id), r.minutes, r.completed]))).toEqual([
      [trainings[0]!.id, 'C.T1.B1', 1920, 1],
      [trainings[1]!.id, 'C.T1.B2', 90, 0],
      [trainings[1]!.id, 'C.T1.B2', 90, 1],
    ]);
    const service = await db.selectFrom('service_records').select(['org_id', 'membership_id', 'status', 'done_on', 'minutes', 'beneficiaries']).orderBy('id').execute();
    expect(await Promise.all(service.map(async (r) => [await code(r.org_id), r.membership_id !== null, r.status, r.done_on, r.minutes, r.beneficiaries]))).toEqual([
      ['C.T1.B1', true, '已办结', '2026-04-12', 180, 120],
      ['C.T1.B2', false, '已办结', '2026-08-15', null, 300],
      ['C.T1', false, '办理中', null, null, null],
    ]);
    expect(await db.selectFrom('community_reports').select(['community_org_id', 'community_name', 'unit_level', 'reported_on', 'note']).execute()).toEqual([
      { community_org_id: null, community_name: '城关社区', unit_level: '乡镇（街道）级', reported_on: '2026-02-01', note: '认领环境整治岗' },
    ]);
    const teams = await db.selectFrom('service_teams').select(['id', 'org_id', 'kind']).orderBy('id').execute();
    const people = await db.selectFrom('service_team_members').select(['team_id', 'org_id', 'membership_id', 'name', 'left_on']).orderBy('id').execute();
    expect(people.map((p) => [p.team_id, p.org_id, p.membership_id !== null, p.name, p.left_on])).toEqual([
      [teams[0]!.id, teams[0]!.org_id, true, null, null],
      [teams[0]!.id, teams[0]!.org_id, false, '刘大妈', null],
      [teams[1]!.id, teams[1]!.org_id, true, null, '2026-08-01'],
    ]);
    const honors = await db.selectFrom('honors').select(['org_id', 'membership_id', 'recipient_org_id', 'recipient_name', 'kind', 'recipient_kind']).orderBy('id').execute();
    expect(await Promise.all(honors.map(async (h) => [await code(h.org_id), h.membership_id !== null, await code(h.recipient_org_id), h.recipient_name, h.recipient_kind]))).toEqual([
      ['C.T1.B1', true, null, '张三', '个人'],
      ['C.T1.B2', false, 'C.T1.B2', '测试村二党支部', '集体'],
      ['C.T1.B1', false, null, '张三家庭', '家庭'],
    ]);
    expect(await db.selectFrom('donations').select(['amount_fen', 'donated_on']).orderBy('id').execute()).toEqual([
      { amount_fen: 20000, donated_on: '2026-07-20' },
      { amount_fen: 10050, donated_on: '2026-07-21' },
    ]);
  });

  it('checks every ledger row on its own and across sheets, and writes nothing when any is wrong', async () => {
    const file = await countyWorkbook({
      studyRecords: [
        ...studyRecordRecords,
        { idNumber: ids.zhang, studiedOn: '2026-06-05', kind: '集中学习', title: '再学习', hours: '1', points: 1 },
        { idNumber: ids.li, studiedOn: '2026-06-01', kind: '看电视', title: '新闻', hours: '1.25' },
        { idNumber: ids.wang, name: '王六', studiedOn: '2026-12-01', kind: '自学', title: '读书', hours: '1', points: 5 },
      ],
      trainings: [
        ...trainingRecords,
        { key: 'P1', orgCode: 'C.T1', title: '重复', kind: '培训班', level: '县级', audience: '全体党员', startOn: '2026-03-01', endOn: '2026-02-01', hours: '8' },
        { key: 'P3', orgCode: 'NOPE', title: '夜校', kind: '夜校', level: '县级', audience: '全体', startOn: '2026-03-01', endOn: '2026-03-01', hours: '0' },
      ],
      trainingAttendance: [
        ...trainingAttendanceRecords,
        { key: 'P9', idNumber: ids.zhang },
        { key: 'P2', idNumber: ids.wang },
        { key: 'P1', idNumber: ids.li },
      ],
      serviceRecords: [
        ...serviceRecordRecords,
        { orgCode: 'C.T1.B2', idNumber: ids.zhang, kind: '志愿服务', title: '义诊', happenedOn: '2026-05-01', status: '办理中' },
        { orgCode: 'C.T1', kind: '办实事', title: '修桥', happenedOn: '2026-05-01', status: '已办结', hours: '2' },
      ],
      communityReports: [
        ...communityReportRecords,
        { idNumber: ids.wang, communityCode: 'C.T1.B1', unitLevel: '乡镇（街道）级', reportedOn: '2026-03-01' },
        { idNumber: ids.zhang, unitLevel: '省', reportedOn: '2026-03-01', endedOn: '2026-01-01' },
      ],
      serviceTeams: [...serviceTeamRecords, { key: 'D3', orgCode: 'C.T1.B1', kind: '突击队', name: '抢险队', establishedOn: '2027-01-01' }],
      serviceTeamMembers: [
        ...serviceTeamMemberRecords,
        { key: 'D9', name: '某人', joinedOn: '2026-01-01' },
        { key: 'D1', joinedOn: '2026-01-01' },
        { key: 'D2', idNumber: ids.zhao, name: '赵六', joinedOn: '2026-01-15' },
        { key: 'D1', name: '刘大妈', joinedOn: '2025-06-01' },
      ],
      honors: [
        ...honorRecords,
        { kind: '表彰', recipientKind: '个人', title: '优秀共产党员', level: '县级', awardedBy: '中共测试县委员会', awardedOn: '2026-06-01' },
        { orgCode: 'C.T1', kind: '表彰', recipientKind: '个人', idNumber: ids.zhang, recipientName: '张叁', title: '优秀党务工作者', level: '县级', awardedBy: '县委', awardedOn: '2026-06-01', revokedOn: '2026-05-01' },
        { kind: '奖励', recipientKind: '集体', recipientOrgCode: 'C.T1.B1', title: '先进基层党组织', level: '国家级', awardedBy: '县委', awardedOn: '1900-01-01' },
      ],
      donations: [
        ...donationRecords,
        { idNumber: ids.sun, campaign: '助学', donatedOn: '2026-07-01', amount: '0' },
        { idNumber: ids.wang, campaign: '助学', donatedOn: '2025-12-01', amount: '12.345' },
      ],
    });
    const before = await snapshotTables(t.ctx);
    const e = await importError(importWorkbook(t.ctx, { file }));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.issues.map(where)).toEqual([
      '学习记录!5:积分:FIELD_INVALID',
      '学习记录!6:学习日期:DATE_ORDER_INVALID',
      '学习记录!6:学习形式:VALUE_NOT_ALLOWED',
      '学习记录!6:学时:FIELD_INVALID',
      '学习记录!7:姓名:FIELD_INVALID',
      '学习记录!7:学习日期:DATE_IN_FUTURE',
      '学习记录!7:积分:FIELD_INVALID',
      '培训班!4:培训编号:FIELD_INVALID',
      '培训班!4:结束日期:DATE_ORDER_INVALID',
      '培训班!5:主办组织代码:ORG_NOT_FOUND',
      '培训班!5:培训形式:VALUE_NOT_ALLOWED',
      '培训班!5:培训对象:VALUE_NOT_ALLOWED',
      '培训班!5:学时:FIELD_INVALID',
      '参训人员!5:培训编号:TRAINING_NOT_FOUND',
      '参训人员!6:公民身份号码:TRAINING_ATTENDANCE_DUPLICATE',
      '参训人员!7:公民身份号码:FIELD_INVALID',
      '服务记录!5:公民身份号码:FIELD_INVALID',
      '服务记录!5:办理状态:VALUE_NOT_ALLOWED',
      '服务记录!6:办结日期:FIELD_REQUIRED',
      '服务记录!6:服务时长（小时）:FIELD_INVALID',
      '到社区报到!3:报到社区组织代码:FIELD_INVALID',
      '到社区报到!4:报到社区名称:FIELD_REQUIRED',
      '到社区报到!4:单位层级:VALUE_NOT_ALLOWED',
      '到社区报到!4:结束日期:DATE_ORDER_INVALID',
      '服务队伍!4:队伍类别:VALUE_NOT_ALLOWED',
      '服务队伍!4:成立日期:DATE_IN_FUTURE',
      '队伍人员!5:队伍编号:NOT_FOUND',
      '队伍人员!6:公民身份号码:FIELD_REQUIRED',
      '队伍人员!7:加入日期:DATE_ORDER_INVALID',
      '队伍人员!8:加入日期:SERVICE_DUPLICATE',
      '表彰!5:公民身份号码:FIELD_REQUIRED',
      '表彰!6:组织代码:FIELD_INVALID',
      '表彰!6:对象名称:FIELD_INVALID',
      '表彰!6:撤销日期:DATE_ORDER_INVALID',
      '表彰!7:类别:VALUE_NOT_ALLOWED',
      '表彰!7:层级:VALUE_NOT_ALLOWED',
      '表彰!7:授予日期:DATE_INVALID',
      '捐款!4:公民身份号码:MEMBER_NOT_FOUND',
      '捐款!4:金额（元）:FIELD_INVALID',
      '捐款!5:捐款日期:DATE_ORDER_INVALID',
      '捐款!5:金额（元）:FIELD_INVALID',
    ]);
    const message = (w: string) => e.issues.find((i) => where(i) === w)!.message;
    expect(message('学习记录!5:积分:FIELD_INVALID')).toBe('积分：该党员2026-06-05的积分合计9分，超过每日上限8分');
    expect(message('学习记录!7:积分:FIELD_INVALID')).toBe('积分：5分超过按学时应得的2分（每满半小时1分）');
    expect(message('参训人员!5:培训编号:TRAINING_NOT_FOUND')).toBe('培训编号“P9”不在本工作簿的培训班表中');
    expect(message('队伍人员!5:队伍编号:NOT_FOUND')).toBe('队伍编号“D9”不在本工作簿的服务队伍表中');
    expect(message('表彰!5:公民身份号码:FIELD_REQUIRED')).toBe('缺少必填项：个人荣誉须填公民身份号码，非党员填对象名称');
    expect(message('学习记录!7:姓名:FIELD_INVALID')).toBe('姓名“王六”与该公民身份号码登记的“王五”不一致');
    expect(await snapshotTables(t.ctx)).toEqual(before);
    // A dry run counts what it would write, and writes nothing either.
    expect((await importWorkbook(t.ctx, { file: await countyWorkbook() }, { dryRun: true })).counts).toEqual(FULL_COUNTS);
    expect(await snapshotTables(t.ctx)).toEqual(before);
  });

  it('takes members already registered within the importer\'s scope, not those outside it, and caps points with the day\'s recorded ones', async () => {
    const { branches } = await makeCounty(t.ctx, 2);
    const own = await makeMember(t.ctx, 'C.T1.B1', { name: '本支部党员' });
    const other = await makeMember(t.ctx, 'C.T1.B2', { name: '外支部党员' });
    await insertStudyRecordsBulk(t.ctx, [{ membershipId: own.id, orgId: branches[0]!.id, studiedOn: '2026-06-05', kind: '自学', title: '早学', minutes: 180, points: 6, source: null }]);
    const file = await writeXlsx({
      学习记录: sheetRows('studyRecords', [
        { idNumber: own.idNumber, name: '本支部党员', studiedOn: '2026-06-05', kind: '集中学习', title: '学习党章', hours: '2' },
        { idNumber: other.idNumber, studiedOn: '2026-06-05', kind: '集中学习', title: '学习党章', hours: '2' },
      ]),
      捐款: sheetRows('donations', [{ idNumber: other.idNumber, campaign: '助学', donatedOn: '2026-07-01', amount: '50' }]),
    });
    const b1 = branches[0]!;
    const branchAdmin = withActor(t.ctx, { kind: 'user', userId: 1, username: 'u', orgId: b1.id, orgPath: b1.path, roles: ['org_admin'], ip: '127.0.0.1' });
    const before = await snapshotTables(t.ctx);
    const e = await importError(importWorkbook(branchAdmin, { file }));
    expect(e.issues.map(where)).toEqual(['学习记录!3:公民身份号码:MEMBER_NOT_FOUND', '捐款!2:公民身份号码:MEMBER_NOT_FOUND']);
    // A township secretary sees both branches but changes only the township committee's own records.
    const town = await getOrg(t.ctx, 'C.T1');
    const secretary = withActor(t.ctx, { kind: 'user', userId: 2, username: 's', orgId: town.id, orgPath: town.path, roles: ['secretary'], ip: '127.0.0.1' });
    const denied = await importError(importWorkbook(secretary, { file }));
    expect(denied.issues.map(where)).toEqual(['学习记录!2:公民身份号码:PERMISSION_DENIED', '学习记录!3:公民身份号码:PERMISSION_DENIED', '捐款!2:公民身份号码:PERMISSION_DENIED']);
    expect(await snapshotTables(t.ctx)).toEqual(before);

    const report = await importWorkbook(t.ctx, { file });
    expect(report.counts).toEqual({ ...NO_ROWS, studyRecords: 2, donations: 1 });
    const rows = await t.ctx.db.selectFrom('study_records').select(['membership_id', 'org_id', 'points']).orderBy('id').execute();
    expect(rows).toEqual([
      { membership_id: own.id, org_id: b1.id, points: 6 },
      { membership_id: own.id, org_id: b1.id, points: 2 },
      { membership_id: other.id, org_id: branches[1]!.id, points: 4 },
    ]);
  });

  it('imports the supervision sheets: keys tied to their lists, tasks, rounds, problems and catalogue, histories given or implied', async () => {
    await importWorkbook(t.ctx, { file: await countyWorkbook() });
    const db = t.ctx.db;
    const codes = new Map((await db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.id, o.code]));
    const items = await db.selectFrom('list_items').select(['id', 'org_id', 'seq', 'target_value']).orderBy('id').execute();
    expect(items.map((i) => [codes.get(i.org_id), i.seq, i.target_value])).toEqual([['C.T1', 1, 4], ['C.T1', 2, 2.5]]);
    const tasks = await db.selectFrom('tasks').select(['id', 'org_id', 'assigned_by_org_id', 'item_id', 'status']).orderBy('id').execute();
    expect(tasks.map((x) => [codes.get(x.org_id), codes.get(x.assigned_by_org_id), x.item_id, x.status])).toEqual([
      ['C.T1.B1', 'C.T1', items[0]!.id, '已完成'],
      ['C.T1.B2', 'C.T1', null, '进行中'],
    ]);
    const events = await db.selectFrom('task_events').select(['task_id', 'org_id', 'percent']).orderBy('id').execute();
    expect(events.map((e) => [e.task_id, codes.get(e.org_id), e.percent])).toEqual([[tasks[0]!.id, 'C.T1.B1', 50], [tasks[1]!.id, 'C.T1.B2', null]]);
    const targets = await db.selectFrom('inspection_targets').select(['org_id', 'target_org_id', 'unit_name']).orderBy('id').execute();
    expect(targets.map((x) => [codes.get(x.org_id), x.target_org_id && codes.get(x.target_org_id), x.unit_name])).toEqual([['C', 'C.T1', '中共测试镇委员会'], ['C', null, '县供销社']]);
    const problems = await db.selectFrom('problems').select(['id', 'inspection_id', 'measures_count', 'status', 'accepted_by', 'reopened']).orderBy('id').execute();
    const round = await db.selectFrom('inspections').select('id').executeTakeFirstOrThrow();
    expect(problems.map((p) => [p.inspection_id, p.measures_count, p.status, p.accepted_by])).toEqual([[round.id, 2, '已销号', '镇党委'], [null, 1, '整改中', null]]);
    const steps = await db.selectFrom('problem_events').select(['problem_id', 'action', 'from_status', 'to_status', 'happened_on', 'actor']).orderBy('id').execute();
    expect(steps.filter((e) => e.problem_id === problems[0]!.id).map((e) => [e.action, e.from_status, e.to_status])).toEqual([
      ['登记', null, '待整改'], ['制定措施', '待整改', '整改中'], ['提请验收', '整改中', '待验收'], ['验收通过', '待验收', '待验收'], ['销号', '待验收', '已销号'],
    ]);
    // No 整改记录 rows: the shortest history the row implies, recorded as by the importer.
    expect(steps.filter((e) => e.problem_id === problems[1]!.id).map((e) => [e.action, e.to_status, e.happened_on])).toEqual([
      ['登记', '待整改', '2026-08-01'], ['制定措施', '整改中', '2026-08-01'],
    ]);
    expect(JSON.parse((await db.selectFrom('weak_org_cases').select('reasons').executeTakeFirstOrThrow()).reasons)).toEqual([
      { code: 'manual', text: '组织生活不经常' }, { code: 'manual', text: '党员发展停滞' },
    ]);
    expect(await db.selectFrom('ratings').select(['member_score', 'public_satisfaction', 'final_grade']).orderBy('id').execute()).toEqual([
      { member_score: 90.5, public_satisfaction: 96.5, final_grade: '较好' }, { member_score: null, public_satisfaction: null, final_grade: null },
    ]);
    const catalogue = await db.selectFrom('disclosure_items').select(['id', 'active']).orderBy('id').execute();
    expect(await db.selectFrom('disclosures').select(['item_id', 'period_label']).orderBy('id').execute()).toEqual([
      { item_id: catalogue[0]!.id, period_label: '2026Q2' }, { item_id: catalogue[1]!.id, period_label: '2026-03-01' },
    ]);
    const cadres = await db.selectFrom('cadre_events').select(['membership_id', 'person_name', 'frontline']).orderBy('id').execute();
    expect(cadres.map((c) => [c.membership_id !== null, c.person_name, c.frontline])).toEqual([[true, '张三', 1], [false, '某某', 0]]);
    const sets = await db.selectFrom('figure_sets').select(['id', 'period_label', 'period_start', 'period_end']).execute();
    expect(sets).toEqual([{ id: sets[0]!.id, period_label: '2026H1', period_start: '2026-01-01', period_end: '2026-06-30' }]);
    expect(await db.selectFrom('figure_values').select(['set_id', 'indicator_id', 'value', 'unit']).orderBy('id').execute()).toEqual([
      { set_id: sets[0]!.id, indicator_id: 'cases_accepted', value: 12, unit: '件' }, { set_id: sets[0]!.id, indicator_id: 'case_reviews', value: 5, unit: '件' },
    ]);
  });

  it('checks every supervision row on its own, across sheets and as a workflow, and writes nothing when any is wrong', async () => {
    const file = await countyWorkbook({
      responsibilityLists: [...responsibilityListRecords, { key: 'L1', orgCode: 'NOPE', year: 1800, kind: '清单', title: '重复', issuedOn: '2027-01-01' }],
      listItems: [...listItemRecords, { key: 'L1', seq: 1, content: '重复序号' }, { key: 'L9', seq: 1, content: '无此清单', targetUnit: '次' }],
      tasks: [
        ...taskRecords,
        { key: 'T3', orgCode: 'C.T1', assignedByCode: 'C.T1.B1', listKey: 'L1', seq: 9, title: '倒挂', ownerName: '张三', startOn: '2026-05-01', deadline: '2026-04-01', status: '已完成' },
      ],
      taskEvents: [...taskEventRecords, { key: 'T9', kind: '进展', happenedOn: '2026-05-01', content: '无此任务', actor: '张三' }, { key: 'T2', kind: '督办', happenedOn: '2026-03-01', content: '早于开始', percent: 10, actor: '某' }],
      inspections: [...inspectionRecords, { key: 'X2', orgCode: 'C', kind: '巡查', title: '坏', startOn: '2026-05-01', endOn: '2026-04-01' }],
      inspectionTargets: [...inspectionTargetRecords, { key: 'X1', targetOrgCode: 'C.T1', unitKind: '乡镇（街道）' }, { key: 'X1', unitKind: '其他' }],
      problems: [
        ...problemRecords,
        { key: 'Q3', orgCode: 'C.T1.B2', source: '查摆', inspectionKey: 'X1', category: '其他', level: '组织层面', description: '来源不符', ownerName: '王五', foundOn: '2026-08-01', deadline: '2026-07-01', status: '待整改' },
        { key: 'Q4', orgCode: 'C.T1.B2', source: '审计', category: '财务', level: '组织层面', description: '无经过的销号', ownerName: '王五', measures: '整改', foundOn: '2026-08-01', deadline: '2026-10-01', status: '已销号' },
        { key: 'Q5', orgCode: 'C.T1.B2', source: '审计', category: '财务', level: '组织层面', description: '跳步', ownerName: '王五', measures: '整改', foundOn: '2026-08-01', deadline: '2026-10-01', status: '已销号' },
      ],
      problemEvents: [
        ...problemEventRecords,
        { key: 'Q5', action: '登记', toStatus: '待整改', happenedOn: '2026-08-01', actor: '审计局' },
        { key: 'Q5', action: '提请验收', fromStatus: '待整改', toStatus: '待验收', happenedOn: '2026-08-05', actor: '王五' },
        { key: 'Q9', action: '登记', toStatus: '待整改', happenedOn: '2026-08-01', actor: '某' },
      ],
      ratings: [...ratingRecords, { ...ratingRecords[0]!, selfGrade: '优秀', finalScore: 120, decidedOn: undefined }, { orgCode: 'C.T1.B2', year: 2025, schemeCode: 'nope' }],
      weakCases: [...weakCaseRecords, { orgCode: 'C.T1.B1', year: 2026, source: '自查', reasons: '无', flaggedOn: '2026-03-01', status: '已销号', closedOn: '2026-02-01' }],
      designations: [...designationRecords, { orgCode: 'C.T1.B1', title: '示范', kind: '示范', action: '命名', level: '县级', designatedOn: '2026-07-01', revokedOn: '2026-06-01' }],
      disclosureItems: [...disclosureItemRecords, { key: 'M3', orgCode: 'C.T1', category: '村务', name: '月度事项', cadence: '每周' }],
      disclosures: [
        ...disclosureRecords,
        { orgCode: 'C.T1.B1', key: 'M1', periodLabel: '2026Q2', content: '重复', proposedOn: '2026-07-02' },
        { orgCode: 'C.T1.B1', key: 'M1', periodLabel: '2026-05', content: '期次不符', proposedOn: '2026-07-02', approvedOn: '2026-07-03', approvedBy: '支部' },
      ],
      cadreEvents: [...cadreEventRecords, { orgCode: 'C.T1.B2', idNumber: ids.zhang, name: '张叁', kind: '提拔', happenedOn: '2026-05-01' }],
      publications: [...publicationRecords, { orgCode: 'C.T1', title: '报道', mediumLevel: '国家级', mediumName: '某报', form: '图文', publishedOn: '2026-12-01' }],
      figureValues: [
        ...figureValueRecords,
        { ...figureValueRecords[0]!, value: 3 },
        { orgCode: 'C', period: '2026Q5', sourceDepartment: '县统计局', enteredBy: '某', enteredOn: '2026-07-05', indicatorId: 'members_total', value: 1 },
        { orgCode: 'C', period: '2026', sourceDepartment: '县统计局', enteredBy: '某', enteredOn: '2026-07-05', indicatorId: 'above_scale_industrial_output', value: 1.5, unit: '万元' },
      ],
    });
    const before = await snapshotTables(t.ctx);
    const e = await importError(importWorkbook(t.ctx, { file }));
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.issues.map(where)).toEqual([
      '责任清单!3:清单编号:FIELD_INVALID',
      '责任清单!3:组织代码:ORG_NOT_FOUND',
      '责任清单!3:年度:FIELD_INVALID',
      '责任清单!3:清单类别:VALUE_NOT_ALLOWED',
      '责任清单!3:印发日期:DATE_IN_FUTURE',
      '清单事项!4:序号:FIELD_INVALID',
      '清单事项!5:清单编号:NOT_FOUND',
      '清单事项!5:目标单位:FIELD_INVALID',
      '任务!4:责任组织代码:FIELD_INVALID',
      '任务!4:序号:NOT_FOUND',
      '任务!4:完成时限:DATE_ORDER_INVALID',
      '任务!4:完成日期:FIELD_REQUIRED',
      '任务记录!4:任务编号:NOT_FOUND',
      '任务记录!5:日期:DATE_ORDER_INVALID',
      '任务记录!5:进度（%）:FIELD_INVALID',
      '巡察督查!3:类别:VALUE_NOT_ALLOWED',
      '巡察督查!3:结束日期:DATE_ORDER_INVALID',
      '检查对象!4:被检查组织代码:FIELD_INVALID',
      '检查对象!5:被检查组织代码:FIELD_REQUIRED',
      '问题整改!4:巡察督查编号:FIELD_INVALID',
      '问题整改!4:整改时限:DATE_ORDER_INVALID',
      '问题整改!5:整改完成日期:FIELD_REQUIRED',
      '问题整改!5:验收日期:FIELD_REQUIRED',
      '问题整改!5:销号日期:FIELD_REQUIRED',
      '整改记录!8:步骤:PROBLEM_TRANSITION_INVALID',
      '整改记录!9:问题编号:NOT_FOUND',
      '分类定级!4:方案代码:FIELD_INVALID',
      '分类定级!4:自评等次:VALUE_NOT_ALLOWED',
      '分类定级!4:评定得分:FIELD_INVALID',
      '分类定级!4:评定日期:FIELD_REQUIRED',
      '分类定级!5:方案代码:NOT_FOUND',
      '软弱涣散整顿!3:整顿方案:FIELD_REQUIRED',
      '软弱涣散整顿!3:销号日期:DATE_ORDER_INVALID',
      '命名表彰!3:类别:VALUE_NOT_ALLOWED',
      '命名表彰!3:撤销日期:DATE_ORDER_INVALID',
      '公开目录!4:公开周期:VALUE_NOT_ALLOWED',
      '公开记录!4:所属期:DISCLOSURE_DUPLICATE',
      '公开记录!5:所属期:FIELD_INVALID',
      '公开记录!5:审批日期:DISCLOSURE_STEP_ORDER',
      '干部工作!4:公民身份号码:FIELD_INVALID',
      '干部工作!4:姓名:FIELD_INVALID',
      '宣传报道!3:媒体层级:VALUE_NOT_ALLOWED',
      '宣传报道!3:刊发日期:DATE_IN_FUTURE',
      '手工填报!4:指标编号:FIELD_INVALID',
      '手工填报!5:统计期:FIELD_INVALID',
      '手工填报!5:指标编号:FIELD_INVALID',
      '手工填报!6:单位:FIELD_INVALID',
    ]);
    const message = (w: string) => e.issues.find((i) => where(i) === w)!.message;
    expect(message('整改记录!8:步骤:PROBLEM_TRANSITION_INVALID')).toBe('此时问题状态为“待整改”，不能办理“提请验收”（可办理：制定措施）');
    expect(message('问题整改!5:销号日期:FIELD_REQUIRED')).toBe('缺少必填项：销号日期（状态为已销号时；或在整改记录表中填写整改经过）');
    expect(message('手工填报!5:指标编号:FIELD_INVALID')).toBe('指标编号“members_total”：该指标由系统根据记录计算，不能手工填报');
    expect(await snapshotTables(t.ctx)).toEqual(before);
  });

  it('takes a problem\'s history only when it ends as its row says, and acceptance and close-out only from a superior', async () => {
    const { branches } = await makeCounty(t.ctx, 1);
    const only = (problems: Record<string, unknown>[], problemEvents: Record<string, unknown>[]) =>
      writeXlsx({ 问题整改: sheetRows('problems', problems), 整改记录: sheetRows('problemEvents', problemEvents) });
    const q1 = { ...problemRecords[0]!, source: '查摆', inspectionKey: undefined };
    const before = await snapshotTables(t.ctx);
    const stopped = await only([{ ...q1, status: '待验收', acceptedOn: undefined, acceptedBy: undefined, closedOn: undefined }], problemEventRecords);
    const e = await importError(importWorkbook(t.ctx, { file: stopped }));
    expect(e.issues.map(where)).toEqual(['问题整改!2:状态:PROBLEM_TRANSITION_INVALID']);
    expect(e.issues[0]!.message).toBe('状态待验收与整改记录最后的状态已销号不一致');
    const wrongDate = await only([{ ...q1, closedOn: '2026-07-16' }], problemEventRecords);
    expect((await importError(importWorkbook(t.ctx, { file: wrongDate }))).issues.map(where)).toEqual(['问题整改!2:销号日期:FIELD_INVALID']);
    // The branch's own administrator may record its rectification, not accept or close it out.
    const b1 = branches[0]!;
    const branchAdmin = withActor(t.ctx, { kind: 'user', userId: 1, username: 'u', orgId: b1.id, orgPath: b1.path, roles: ['org_admin'], ip: '127.0.0.1' });
    const file = await only([q1], problemEventRecords);
    expect((await importError(importWorkbook(branchAdmin, { file }))).issues.map(where)).toEqual(['问题整改!2:状态:PERMISSION_DENIED']);
    expect(await snapshotTables(t.ctx)).toEqual(before);
    const open = await only([{ ...q1, status: '整改中', rectifiedOn: undefined, acceptedOn: undefined, acceptedBy: undefined, closedOn: undefined }], problemEventRecords.slice(0, 2));
    expect((await importWorkbook(branchAdmin, { file: open })).counts).toMatchObject({ problems: 1, problemEvents: 2 });
  });

  it('refuses files that are not workbooks with a clear error', async () => {
    const junk = tmpFile('xlsx');
    await writeFile(junk, randomBytes(4000));
    const text = tmpFile('xlsx');
    await writeFile(text, '这不是Excel文件');
    const gbk = tmpFile('csv');
    await writeFile(gbk, Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x0a])); // "姓名," in GBK
    for (const source of [{ file: junk }, { file: text }, { file: gbk }, { buffer: Buffer.from('PK\u0003\u0004broken'), format: 'xlsx' as const }]) {
      const e = await importError(importWorkbook(t.ctx, source));
      expect(e.code).toBe('WORKBOOK_UNREADABLE');
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await importError(importWorkbook(t.ctx, { file: tmpFile('xlsx') }))).code).toBe('FILE_NOT_FOUND');
    const noSheets = await writeXlsx({ Sheet1: [['a']] });
    expect((await importError(importWorkbook(t.ctx, { file: noSheets }))).issues[0]!.message).toContain('没有可导入的工作表');
  });
});
