/**
 * Scope through the services themselves (the HTTP sweep over every route lives in test/e2e): each role sees its
 * subtree and nothing else — outside it, records are "not found" exactly like missing ones — and writes only where
 * it may. Every write leaves an audit entry with personal data masked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { idNumberFor, makeMember, makeOrg } from '../../../test/factories.js';
import { withActor, type Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { getOrg, listSubtree } from '../orgs/find-orgs.js';
import { createOrg } from '../orgs/create-org.js';
import { updateOrg } from '../orgs/update-org.js';
import { moveOrg } from '../orgs/move-org.js';
import { createMember } from '../members/create-member.js';
import { countMembers, findMembers, getMember } from '../members/find-members.js';
import { updateMember } from '../members/update-member.js';
import { transferMember } from '../members/transfer-member.js';
import { viewMember } from '../members/view-member.js';
import { recordMeeting } from '../meetings/record-meeting.js';
import { findMeetings, getMeeting } from '../meetings/find-meetings.js';
import { createDevelopment, updateDevelopment } from '../development/record-development.js';
import { getDevelopment } from '../development/find-development.js';
import { importWorkbook } from '../workbook/import-workbook.js';
import { exportWorkbook } from '../workbook/export-workbook.js';
import { parseWorkbook } from '../workbook/parse-workbook.js';
import { removeTmpFiles, sheetRows, tmpFile, writeXlsx } from '../workbook/workbook-fixtures.test.js';
import type { Actor, Role } from './actor.js';
import { findAudit } from '../audit/find-audit.js';
import { exportAudit } from '../audit/export-audit.js';
import { codeOf } from '../../../test/helpers/errors.js';


/** C ─ T1 ─ B1 (members), B2 (members); C ─ T2 ─ B3 (members). */
async function county(ctx: Ctx) {
  await makeOrg(ctx, { code: 'C', kind: '党委', sector: '机关' });
  await makeOrg(ctx, { code: 'T1', kind: '党委', parentCode: 'C' });
  await makeOrg(ctx, { code: 'T2', kind: '党委', parentCode: 'C' });
  for (const [b, t] of [['B1', 'T1'], ['B2', 'T1'], ['B3', 'T2']] as const) await makeOrg(ctx, { code: b, parentCode: t, establishedOn: '2000-01-01' });
  const m1 = await makeMember(ctx, 'B1', { phone: '13800001111' });
  const m2 = await makeMember(ctx, 'B2');
  const m3 = await makeMember(ctx, 'B3');
  const meeting3 = await recordMeeting(ctx, { orgCode: 'B3', kind: '主题党日', heldOn: '2026-05-08', topic: '学习', expectedCount: 3, attendedCount: 3 });
  const dev3 = await createDevelopment(ctx, { name: '申请人', idNumber: idNumberFor('1999-01-01'), orgCode: 'B3', appliedOn: '2025-01-01' });
  return { m1, m2, m3, meeting3, dev3 };
}

async function as(ctx: Ctx, orgCode: string, roles: Role[]): Promise<Ctx> {
  const org = await getOrg(ctx, orgCode);
  const actor: Actor = { kind: 'user', userId: 1, username: `u_${orgCode}`, orgId: org.id, orgPath: org.path, roles, ip: '127.0.0.1' };
  return withActor(ctx, actor);
}

describe.each(ENGINES)('scope and audit on %s', (engine) => {
  const t = useTestDatabase(engine);
  afterEach(removeTmpFiles);

  it('a branch secretary sees its branch only, and writes there only', async () => {
    const r = await county(t.ctx);
    const s = await as(t.ctx, 'B1', ['secretary']);
    expect((await listSubtree(s)).map((o) => o.code)).toEqual(['B1']);
    expect(await codeOf(getOrg(s, 'B2'))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(getOrg(s, 'T1'))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(getMember(s, r.m2.id))).toBe('MEMBER_NOT_FOUND');
    expect(await codeOf(getMember(s, r.m3.id))).toBe(await codeOf(getMember(s, 999_999)));
    expect(await codeOf(getMeeting(s, r.meeting3.id))).toBe('MEETING_NOT_FOUND');
    expect(await codeOf(getDevelopment(s, r.dev3.id))).toBe('DEVELOPMENT_NOT_FOUND');
    expect(await codeOf(findMembers(s, { org: 'C' }))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(countMembers(s, 'T1'))).toBe('ORG_NOT_FOUND');
    expect((await findMembers(s, { org: 'B1' })).total).toBe(1);
    expect(await codeOf(updateMember(s, r.m2.id, { education: '研究生' }))).toBe('MEMBER_NOT_FOUND');
    expect(await codeOf(updateDevelopment(s, r.dev3.id, { interviewedOn: '2025-01-10' }))).toBe('DEVELOPMENT_NOT_FOUND');
    expect(await codeOf(recordMeeting(s, { orgCode: 'B2', kind: '支委会', heldOn: '2026-05-01', topic: 'x', expectedCount: 3, attendedCount: 3 }))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(createOrg(s, { code: 'X', name: 'x', kind: '党支部', sector: '农村', parentCode: 'T1' }))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(transferMember(s, r.m1.id, { toOrgCode: 'B2', transferredOn: '2026-01-01' }))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(updateMember(s, r.m1.id, { education: '研究生' }))).toBe('OK');
    expect(await codeOf(recordMeeting(s, { orgCode: 'B1', kind: '支委会', heldOn: '2026-05-01', topic: 'x', expectedCount: 3, attendedCount: 3 }))).toBe('OK');
    expect((await findMeetings(s, { org: 'B1' })).total).toBe(1);
  });

  it('an organization administrator writes across its subtree, not beside or above it', async () => {
    const r = await county(t.ctx);
    const a = await as(t.ctx, 'T1', ['org_admin']);
    expect((await listSubtree(a)).map((o) => o.code)).toEqual(['T1', 'B1', 'B2']);
    expect(await codeOf(transferMember(a, r.m1.id, { toOrgCode: 'B2', transferredOn: '2026-01-01' }))).toBe('OK');
    expect(await codeOf(transferMember(a, r.m2.id, { toOrgCode: 'B3', transferredOn: '2026-01-01' }))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(createOrg(a, { code: 'B4', name: '新支部', kind: '党支部', sector: '农村', parentCode: 'T1' }))).toBe('OK');
    expect(await codeOf(createOrg(a, { code: 'ROOT2', name: '另一县', kind: '党委', sector: '机关' }))).toBe('PERMISSION_DENIED');
    expect(await codeOf(moveOrg(a, 'B4', 'T2'))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(updateOrg(a, 'C', { name: '改名' }))).toBe('ORG_NOT_FOUND');
    expect(await codeOf(updateOrg(a, 'T1', { name: '中共某镇委员会' }))).toBe('OK');
  });

  it('a viewer reads the subtree masked and changes nothing', async () => {
    const r = await county(t.ctx);
    const v = await as(t.ctx, 'T1', ['viewer']);
    expect((await findMembers(v, { org: 'T1' })).total).toBe(2);
    const seen = await viewMember(v, r.m1.id);
    expect(seen.idNumber).not.toBe(r.m1.idNumber);
    expect(seen.idNumber).toMatch(/^\d{6}\*{8}/);
    expect(seen.phone).toBe('138****1111');
    expect(await codeOf(updateMember(v, r.m1.id, { education: '研究生' }))).toBe('PERMISSION_DENIED');
    expect(await codeOf(updateMember(v, r.m3.id, { education: '研究生' }))).toBe('MEMBER_NOT_FOUND');
    expect(await codeOf(recordMeeting(v, { orgCode: 'B1', kind: '支委会', heldOn: '2026-05-01', topic: 'x', expectedCount: 3, attendedCount: 3 }))).toBe('PERMISSION_DENIED');
    const file = tmpFile('xlsx');
    const counts = await exportWorkbook(v, { file }, { org: 'T1' });
    expect(counts.members).toBe(2);
    const parsed = await parseWorkbook({ file });
    expect(parsed.members.every((m) => String(m.values.idNumber).includes('********'))).toBe(true);
    expect(await codeOf(exportWorkbook(v, { file: tmpFile('xlsx') }, { org: 'C' }))).toBe('ORG_NOT_FOUND');
    const before = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const full = await viewMember(await as(t.ctx, 'T1', ['org_admin']), r.m1.id);
    expect(full.idNumber).toBe(r.m1.idNumber);
    const after = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('rejects an import that touches an organization outside the scope, whole', async () => {
    await county(t.ctx);
    const a = await as(t.ctx, 'T1', ['org_admin']);
    const outside = await writeXlsx({
      党员: sheetRows('members', [
        { name: '甲', idNumber: idNumberFor('1990-01-01'), orgCode: 'B1', status: '正式党员', joinedOn: '2015-01-01', confirmedOn: '2016-01-01' },
        { name: '乙', idNumber: idNumberFor('1990-01-02'), orgCode: 'B3', status: '正式党员', joinedOn: '2015-01-01', confirmedOn: '2016-01-01' },
      ]),
    });
    const err = await importWorkbook(a, { file: outside }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('IMPORT_INVALID');
    expect((err as AppError).issues.map((i) => i.row)).toEqual([3]);
    expect((await findMembers(t.ctx, { org: 'C' })).total).toBe(3);
    const s = await as(t.ctx, 'B1', ['secretary']);
    const newBranch = await writeXlsx({ 组织: sheetRows('orgs', [{ code: 'B9', name: '新支部', parentCode: 'B1', kind: '党小组', sector: '农村' }]) });
    expect(await codeOf(importWorkbook(s, { file: newBranch }))).toBe('OK');
    const v = await as(t.ctx, 'T1', ['viewer']);
    const inside = await writeXlsx({
      党员: sheetRows('members', [{ name: '丙', idNumber: idNumberFor('1990-01-03'), orgCode: 'B2', status: '正式党员', joinedOn: '2015-01-01', confirmedOn: '2016-01-01' }]),
    });
    expect(await codeOf(importWorkbook(v, { file: inside }))).toBe('PERMISSION_DENIED');
    // A secretary may write B1 but not its sibling: the row naming B2 fails as an unknown code, the file as a whole.
    const sibling = await importWorkbook(s, { file: inside }).catch((e: AppError) => e);
    expect((sibling as AppError).issues[0]).toMatchObject({ code: 'ORG_NOT_FOUND', sheet: '党员', row: 2 });
    // A township secretary sees B2 but writes only the township committee itself: the row is refused as not allowed.
    const readOnly = await importWorkbook(await as(t.ctx, 'T1', ['secretary']), { file: inside }).catch((e: AppError) => e);
    expect((readOnly as AppError).issues[0]).toMatchObject({ code: 'PERMISSION_DENIED', sheet: '党员', row: 2 });
  });

  it('audits every write with who, what and the changed fields, personal data masked', async () => {
    await makeOrg(t.ctx, { code: 'C', kind: '党委', sector: '机关' });
    await makeOrg(t.ctx, { code: 'B1', parentCode: 'C' });
    await makeOrg(t.ctx, { code: 'B2', parentCode: 'C' });
    const a = await as(t.ctx, 'C', ['org_admin']);
    const id = idNumberFor('1988-08-08');
    const m = await createMember(a, { name: '审计', idNumber: id, orgCode: 'B1', status: '正式党员', joinedOn: '2010-01-01', confirmedOn: '2011-01-01', phone: '13912345678' });
    await updateMember(a, m.id, { phone: '13987654321' });
    await transferMember(a, m.id, { toOrgCode: 'B2', transferredOn: '2026-02-01' });
    await moveOrg(a, 'B2', 'B1');
    const rows = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const mine = rows.filter((r) => r.actor_name === 'u_C');
    expect(mine.map((r) => `${r.action}:${r.record_type}`)).toEqual(['create:member', 'update:member', 'transfer:member', 'move:organization']);
    expect(mine.every((r) => r.ip === '127.0.0.1' && r.actor_user_id === 1)).toBe(true);
    const all = JSON.stringify(rows);
    expect(all).not.toContain(id);
    expect(all).not.toContain('13912345678');
    expect(JSON.parse(mine[1]!.changes!)).toEqual({ phone: ['139****5678', '139****4321'] });

    expect(await codeOf(findAudit(a, {}))).toBe('PERMISSION_DENIED');
    const byUser = await findAudit(t.ctx, { user: 'u_C' });
    expect(byUser.total).toBe(4);
    expect(byUser.items[0]).toMatchObject({ action: 'move', actionLabel: '调整隶属关系', recordType: 'organization', recordId: 'B2' });
    const byRecord = await findAudit(t.ctx, { recordType: 'member', recordId: String(m.id) });
    expect(byRecord.items.map((e) => e.action)).toEqual(['transfer', 'update', 'create']);
    expect((await findAudit(t.ctx, { user: 'u_C', from: '2099-01-01' })).total).toBe(0);
    const file = tmpFile('xlsx');
    expect(await exportAudit(t.ctx, { file }, { user: 'u_C' })).toBe(4);
  });
});
