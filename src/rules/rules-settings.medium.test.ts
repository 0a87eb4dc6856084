import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { asUser, makeUser } from '../../test/factories.js';
import { failure } from '../../test/helpers/errors.js';
import { evaluateRules } from './evaluate.js';
import { describeSettings, loadRuleSettings, setRuleSetting } from './settings.js';
import { branch, county, develop, findingsOf } from './rules-fixtures.test.js';

/** A deployment's settings of the rules: admins only, validated against the catalog, audited. */
describe.each(ENGINES)('rules: settings on %s', (engine) => {
  const t = useTestDatabase(engine);

  async function settingRows() {
    return t.ctx.db.selectFrom('rule_settings').selectAll().execute();
  }

  it('only a system administrator may change a setting', async () => {
    await county(t.ctx);
    await branch(t.ctx, 'C.T1.B1');
    for (const [username, roles, org] of [
      ['countyadmin', ['org_admin'], 'C'],
      ['secretary1', ['secretary'], 'C.T1.B1'],
      ['viewer1', ['viewer'], 'C'],
    ] as const) {
      const ctx = await asUser(t.ctx, await makeUser(t.ctx, username, [...roles], org));
      const e = await failure(setRuleSetting(ctx, 'notice.greenAt', 80));
      expect(e.code, username).toBe('PERMISSION_DENIED');
    }
    expect(await settingRows()).toEqual([]);
    const admin = await asUser(t.ctx, await makeUser(t.ctx, 'admin1', ['admin'], null));
    expect(await setRuleSetting(admin, 'notice.greenAt', 80)).toMatchObject({ key: 'notice.greenAt', value: 80, default: 90, changed: true });
  });

  it('rejects an unknown key (SETTING_UNKNOWN) and a bad value (FIELD_INVALID on value), storing nothing', async () => {
    const unknown = await failure(setRuleSetting(t.ctx, 'life.no-such-rule.enabled', true));
    expect(unknown.code).toBe('SETTING_UNKNOWN');
    expect(unknown.issues).toEqual([expect.objectContaining({ code: 'SETTING_UNKNOWN', field: 'key' })]);
    for (const [key, value] of [
      ['notice.greenAt', 101],
      ['notice.greenAt', '九十'],
      ['notice.greenAt', 85.5],
      ['life.lesson.every', 'week'],
      ['life.lesson.count', 0],
      ['dev.interview.enabled', 'maybe'],
      ['development.revision2026From', '2026-02-30'],
      ['due.days', ''],
    ] as const) {
      const e = await failure(setRuleSetting(t.ctx, key, value));
      expect(e.code, `${key}=${value}`).toBe('FIELD_INVALID');
      expect(e.issues, `${key}=${value}`).toEqual([expect.objectContaining({ code: 'FIELD_INVALID', field: 'value' })]);
    }
    expect(await settingRows()).toEqual([]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('id').where('record_type', '=', 'rule_setting').execute();
    expect(audit).toEqual([]);
  });

  it('life.lesson.every = month makes 党课 monthly', async () => {
    await county(t.ctx);
    await branch(t.ctx, 'C.T1.B1');
    const lessons = async () => findingsOf(await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026Q3' }), { rule: 'life.lesson' });
    expect((await lessons()).map((f) => f.period)).toEqual(['2026Q3']);
    expect(await setRuleSetting(t.ctx, 'life.lesson.every', '每月')).toMatchObject({ value: 'month', default: 'quarter', changed: true });
    const monthly = await lessons();
    expect(monthly.map((f) => [f.period, f.dueOn])).toEqual([
      ['2026-07', '2026-07-31'],
      ['2026-08', '2026-08-31'],
      ['2026-09', '2026-09-30'],
    ]);
    expect(monthly[0]!.message).toContain('每月');
    await setRuleSetting(t.ctx, 'life.lesson.every', null);
    expect((await lessons()).map((f) => f.period)).toEqual(['2026Q3']);
  });

  it('turning dev.interview off removes its findings, and resetting brings them back', async () => {
    await county(t.ctx);
    await branch(t.ctx, 'C.T1.B1');
    await develop(t.ctx, 'C.T1.B1', '王晓', { appliedOn: '2025-03-01', interviewedOn: '2025-04-05' });
    const interviews = async () => findingsOf(await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2025' }), { rule: 'dev.interview' });
    expect(await interviews()).toHaveLength(1);
    await setRuleSetting(t.ctx, 'dev.interview.enabled', 'false');
    expect(await interviews()).toEqual([]);
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2025' });
    expect(e.checks.filter((c) => c.rule === 'dev.interview')).toEqual([]);
    await setRuleSetting(t.ctx, 'dev.interview.enabled', null);
    expect(await interviews()).toHaveLength(1);
  });

  it('writes each change to the audit log, and a return to the default removes the stored value', async () => {
    const admin = await asUser(t.ctx, await makeUser(t.ctx, 'admin1', ['admin'], null));
    await setRuleSetting(admin, 'notice.redBelow', 60);
    expect(await settingRows()).toEqual([expect.objectContaining({ key: 'notice.redBelow', value: '60', updated_by: 'admin1' })]);
    await setRuleSetting(admin, 'notice.redBelow', '50');
    await setRuleSetting(admin, 'notice.redBelow', 70);
    expect(await settingRows()).toEqual([]);

    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'rule_setting').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.record_id, a.actor_name, JSON.parse(a.changes!)])).toEqual([
      ['update', 'notice.redBelow', 'admin1', { 'notice.redBelow': [70, 60] }],
      ['update', 'notice.redBelow', 'admin1', { 'notice.redBelow': [60, 50] }],
      ['update', 'notice.redBelow', 'admin1', { 'notice.redBelow': [50, 70] }],
    ]);
    expect(audit.every((a) => a.actor_user_id !== null)).toBe(true);
    const view = describeSettings(await loadRuleSettings(t.ctx)).find((s) => s.key === 'notice.redBelow');
    expect(view).toEqual({ key: 'notice.redBelow', label: expect.any(String), value: 70, default: 70, changed: false });
  });
});
