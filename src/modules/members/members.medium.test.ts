import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../../test/helpers/test-db.js';
import { idNumberFor, makeCounty, makeMember, makeOrg } from '../../../test/factories.js';
import { AppError } from '../../shared/errors.js';
import { vaultFromKey } from '../../shared/id-vault.js';
import { countMembers, findMembers, getMember } from './find-members.js';
import { createMember } from './create-member.js';
import { leaveMember } from './leave-member.js';
import { transferMember } from './transfer-member.js';
import { updateMember } from './update-member.js';
import { MEMBER_LABELS, memberPatch } from './members.schema.js';
import { parseInput } from '../../shared/validation.js';
import { updateOrg } from '../orgs/update-org.js';
import { failure } from '../../../test/helpers/errors.js';


describe.each(ENGINES)('members on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('registers a member, taking birth date and gender from the ID number, and lists it masked', async () => {
    await makeCounty(t.ctx, 2);
    const id = idNumberFor('1990-04-12', '女');
    const m = await createMember(t.ctx, {
      name: '王芳', idNumber: id, ethnicity: '回族', education: '大学本科', occupation: '党政机关工作人员',
      orgCode: 'C.T1.B1', status: '正式党员', joinedOn: '2015-07-01', confirmedOn: '2016-07-01', phone: '138 1234 5678',
    });
    expect(m).toMatchObject({ name: '王芳', gender: '女', birthDate: '1990-04-12', idNumber: id, phone: '13812345678', orgCode: 'C.T1.B1' });
    const list = await findMembers(t.ctx, { org: 'C' });
    expect(list.total).toBe(1);
    expect(list.items[0]!.idNumberMasked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(list.items[0]!.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(list)).not.toContain(id);
    expect(await countMembers(t.ctx, 'C.T1')).toBe(1);
    expect(await countMembers(t.ctx, 'C.T1.B2')).toBe(0);
  });

  it('rejects bad input with a code naming the field and stores nothing', async () => {
    await makeCounty(t.ctx, 1);
    const good = idNumberFor('1990-04-12', '男');
    const base = { name: '李强', idNumber: good, orgCode: 'C.T1.B1', status: '正式党员' as const, joinedOn: '2015-07-01', confirmedOn: '2016-07-01' };
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expect((await failure(createMember(t.ctx, { ...base, idNumber: bad }))).issues[0]).toMatchObject({ code: 'ID_NUMBER_INVALID', field: 'idNumber' });
    expect((await failure(createMember(t.ctx, { ...base, orgCode: 'NOPE' }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(createMember(t.ctx, { ...base, orgCode: 'C.T1' }))).code).toBe('MEMBER_ORG_NOT_BRANCH');
    expect((await failure(createMember(t.ctx, { ...base, joinedOn: '2027-01-01', confirmedOn: null, status: '预备党员' }))).code).toBe('DATE_IN_FUTURE');
    expect((await failure(createMember(t.ctx, { ...base, joinedOn: '1989-01-01', confirmedOn: null, status: '预备党员' }))).code).toBe('DATE_BEFORE_BIRTH');
    expect((await failure(createMember(t.ctx, { ...base, joinedOn: '2007-01-01', confirmedOn: '2008-01-01' }))).code).toBe('APPLICANT_UNDER_18');
    expect((await failure(createMember(t.ctx, { ...base, gender: '女' }))).issues[0]).toMatchObject({ code: 'ID_NUMBER_MISMATCH', field: 'gender' });
    expect((await failure(createMember(t.ctx, { ...base, phone: '12345' }))).code).toBe('PHONE_INVALID');
    expect((await failure(createMember(t.ctx, { ...base, status: '预备党员' }))).code).toBe('MEMBER_STATUS_INVALID');
    expect((await failure(createMember(t.ctx, { ...base, entryKind: '转入组织关系' }))).issues[0]).toMatchObject({ code: 'FIELD_REQUIRED', field: 'entryOn' });
    expect(await countMembers(t.ctx, 'C')).toBe(0);
    const created = await createMember(t.ctx, { ...base, entryKind: '转入组织关系', entryOn: '2024-05-06' });
    expect(created).toMatchObject({ entryKind: '转入组织关系', entryOn: '2024-05-06' });
    expect((await failure(createMember(t.ctx, { ...base, name: '另一人' }))).code).toBe('ID_NUMBER_TAKEN');
    expect(await countMembers(t.ctx, 'C')).toBe(1);
    const people = await t.ctx.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(people.n)).toBe(1);
  });

  it('transfers between branches with history, and never deletes a member who leaves', async () => {
    await makeCounty(t.ctx, 2);
    const m = await makeMember(t.ctx, 'C.T1.B1');
    const moved = await transferMember(t.ctx, m.id, { toOrgCode: 'C.T1.B2', transferredOn: '2025-03-01', note: '工作调动' });
    expect(moved.orgCode).toBe('C.T1.B2');
    expect(moved.transfers).toEqual([{ fromOrgCode: 'C.T1.B1', toOrgCode: 'C.T1.B2', transferredOn: '2025-03-01', note: '工作调动' }]);
    expect((await failure(transferMember(t.ctx, m.id, { toOrgCode: 'C.T1.B2', transferredOn: '2025-04-01' }))).issues[0]!.field).toBe('toOrgCode');
    expect((await failure(transferMember(t.ctx, m.id, { toOrgCode: 'C.T1.B1', transferredOn: '2025-01-01' }))).code).toBe('DATE_ORDER_INVALID');
    const early = await failure(leaveMember(t.ctx, m.id, { reason: '死亡', leftOn: '2000-01-01' }));
    expect(early.issues[0]).toMatchObject({ code: 'DATE_ORDER_INVALID', field: 'leftOn' });
    expect(early.message).toContain('早于入党日期');
    const left = await leaveMember(t.ctx, m.id, { reason: '死亡', leftOn: '2026-01-05' });
    expect(left).toMatchObject({ leftOn: '2026-01-05', leaveReason: '死亡' });
    expect(await countMembers(t.ctx, 'C')).toBe(0);
    expect((await findMembers(t.ctx, { org: 'C', includeLeft: true })).total).toBe(1);
    expect((await failure(leaveMember(t.ctx, m.id, { reason: '死亡', leftOn: '2026-01-06' }))).code).toBe('MEMBER_ALREADY_LEFT');
    expect((await getMember(t.ctx, m.id)).name).toBe(m.name);
  });

  it('corrects fields and keeps the ID number as identity', async () => {
    await makeCounty(t.ctx, 1);
    const m = await makeMember(t.ctx, 'C.T1.B1', { status: '预备党员', joinedOn: '2025-12-01', confirmedOn: null });
    const u = await updateMember(t.ctx, m.id, { status: '正式党员', confirmedOn: '2026-12-01' }).catch((e: AppError) => e);
    expect((u as AppError).code).toBe('DATE_IN_FUTURE');
    const ok = await updateMember(t.ctx, m.id, { education: '研究生', isMobile: true, mobileDestination: '广东省深圳市' });
    expect(ok).toMatchObject({ education: '研究生', isMobile: true, mobileDestination: '广东省深圳市', status: '预备党员' });
    expect((await failure(updateMember(t.ctx, 9999, { name: 'x' }))).code).toBe('MEMBER_NOT_FOUND');
  });

  it('records a party post (党内职务), checked against the closed list, and clears it', async () => {
    await makeCounty(t.ctx, 1);
    const m = await makeMember(t.ctx, 'C.T1.B1', { partyPost: '委员' });
    expect(m.partyPost).toBe('委员');
    expect((await updateMember(t.ctx, m.id, { partyPost: '书记' })).partyPost).toBe('书记');
    // The edge (API, CLI, workbook) checks the closed list with the patch schema.
    const bad = await failure(Promise.resolve().then(() => parseInput(memberPatch, { partyPost: '组长' }, MEMBER_LABELS)));
    expect(bad.issues[0]).toMatchObject({ code: 'VALUE_NOT_ALLOWED', field: 'partyPost' });
    expect(bad.message).toContain('党内职务');
    expect((await getMember(t.ctx, m.id)).partyPost).toBe('书记');
    expect((await updateMember(t.ctx, m.id, { partyPost: null })).partyPost).toBeNull();
  });

  it('keeps an organization with members a branch', async () => {
    await makeCounty(t.ctx, 1);
    await makeMember(t.ctx, 'C.T1.B1');
    const err = await failure(updateOrg(t.ctx, 'C.T1.B1', { kind: '党委' }));
    expect(err.issues[0]).toMatchObject({ code: 'MEMBER_ORG_NOT_BRANCH', field: 'kind' });
    expect((await updateOrg(t.ctx, 'C.T1.B1', { kind: '联合党支部' })).kind).toBe('联合党支部');
  });

  it('filters lists by status and name, with paging', async () => {
    await makeCounty(t.ctx, 1);
    await makeOrg(t.ctx, { code: 'C.T1.B1.G', kind: '党小组', parentCode: 'C.T1.B1' });
    for (let i = 0; i < 5; i++) await makeMember(t.ctx, 'C.T1.B1', { name: `张${i}` });
    await makeMember(t.ctx, 'C.T1.B1', { name: '李四', status: '预备党员', joinedOn: '2026-01-10', confirmedOn: null });
    expect((await findMembers(t.ctx, { org: 'C', status: '预备党员' })).items.map((m) => m.name)).toEqual(['李四']);
    expect((await findMembers(t.ctx, { org: 'C', name: '张' })).total).toBe(5);
    expect((await findMembers(t.ctx, { org: 'C', name: '%' })).total).toBe(0);
    expect((await findMembers(t.ctx, { org: 'C', name: '_' })).total).toBe(0);
    const page = await findMembers(t.ctx, { org: 'C', limit: 2, offset: 4 });
    expect(page.total).toBe(6);
    expect(page.items).toHaveLength(2);
  });
});

describe.each(ENGINES)('members with ID numbers encrypted at rest on %s', (engine) => {
  const t = useTestDatabase(engine, undefined, vaultFromKey('a1'.repeat(32)));

  it('stores ciphertext and a blind index, and still finds, lists and refuses duplicates', async () => {
    await makeCounty(t.ctx, 1);
    const id = idNumberFor('1991-09-09', '女');
    const m = await makeMember(t.ctx, 'C.T1.B1', { idNumber: id, gender: '女', birthDate: '1991-09-09', joinedOn: '2015-07-01', confirmedOn: '2016-07-01' });
    expect(m.idNumber).toBe(id);
    const stored = await t.ctx.db.selectFrom('people').select(['id_number', 'id_number_index']).executeTakeFirstOrThrow();
    expect(stored.id_number.startsWith('enc1:')).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(id);
    expect((await findMembers(t.ctx, { org: 'C' })).items[0]!.idNumberMasked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect((await failure(makeMember(t.ctx, 'C.T1.B1', { idNumber: id, gender: '女', birthDate: '1991-09-09', joinedOn: '2015-07-01', confirmedOn: '2016-07-01' }))).code).toBe('ID_NUMBER_TAKEN');
  });
});
