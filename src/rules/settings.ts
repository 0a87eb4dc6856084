/**
 * A deployment's settings of the rules: local practice the central texts leave open (党课 frequency, the month a
 * conversion must be discussed in), thresholds of the monitoring notice, optional local rules turned on or off.
 * Defaults live here; changes live in the rule_settings table, validated against the catalog and audited.
 */
import type { Ctx } from '../context.js';
import { inTransaction } from '../context.js';
import { AppError } from '../shared/errors.js';
import { isValidIsoDate } from '../shared/dates.js';
import { accessOf, actorName } from '../modules/access/actor.js';
import { appendAudit } from '../modules/audit/append-audit.js';
import { RULE_SETS } from './catalog/index.js';
import { EVERY_LABELS, type Every } from '../shared/period.js';
import type { RuleDef } from './types.js';

export type SettingValue = number | string | boolean;

interface SettingSpec {
  key: string;
  label: string;
  kind: 'int' | 'every' | 'bool' | 'date';
  min?: number;
  max?: number;
  default: SettingValue;
}

const GLOBAL_SETTINGS: SettingSpec[] = [
  { key: 'due.days', label: '“即将到期”提前天数', kind: 'int', min: 1, max: 366, default: 30 },
  { key: 'notice.greenAt', label: '绿色（达标）所需落实率（%）', kind: 'int', min: 1, max: 100, default: 90 },
  { key: 'notice.redBelow', label: '落实率低于此值（%）为红色', kind: 'int', min: 0, max: 100, default: 70 },
  { key: 'leadership.maxDepth', label: '领导班子规则适用的最深层级（0为县委）', kind: 'int', min: 0, max: 4, default: 1 },
  { key: 'dues.farmerFen', label: '农民党员每月党费（分，由省级党委规定，0.2–1元）', kind: 'int', min: 20, max: 100, default: 50 },
  { key: 'weak.orgLifeMissed', label: '软弱涣散数据提示：全年未按规定开展的组织生活达到多少项（地方做法）', kind: 'int', min: 1, max: 50, default: 3 },
  { key: 'weak.duesArrearsMembers', label: '软弱涣散数据提示：连续6个月以上未交纳党费的党员达到多少名（地方做法）', kind: 'int', min: 1, max: 50, default: 1 },
  { key: 'development.revision2026From', label: '《发展党员工作细则》2026年修订版适用日期（按步骤日期选用版本；官方原文未核实）', kind: 'date', default: '2026-05-11' },
];

let specsMemo: SettingSpec[] | null = null;

/** Every key a deployment may set, with its default: the global ones, each rule's switch and parameters. */
export function settingSpecs(): SettingSpec[] {
  return (specsMemo ??= buildSpecs());
}

function buildSpecs(): SettingSpec[] {
  const specs = [...GLOBAL_SETTINGS];
  const seen = new Set<string>();
  // Newest version first: its default is the one shown (enabled() still asks the version judging).
  for (const set of [...RULE_SETS].reverse()) {
    for (const rule of set.rules) {
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      specs.push({ key: `${rule.id}.enabled`, label: `启用规则：${rule.title}`, kind: 'bool', default: !rule.optional });
      for (const p of rule.params ?? []) {
        const current = (rule.requirement as unknown as Record<string, SettingValue>)[p.name]!;
        specs.push({ key: `${rule.id}.${p.name}`, label: `${rule.title}：${p.label}`, kind: p.kind, ...(p.min !== undefined && { min: p.min }), ...(p.max !== undefined && { max: p.max }), default: current });
      }
    }
  }
  return specs;
}

export class RuleSettings {
  constructor(private readonly values: ReadonlyMap<string, SettingValue>) {}

  static defaults(): RuleSettings {
    return new RuleSettings(new Map());
  }

  get(key: string): SettingValue {
    const spec = specOf(key);
    return this.values.get(key) ?? spec.default;
  }

  int(key: string): number {
    return this.get(key) as number;
  }

  /** A switch set by the deployment wins; otherwise each version's own default (a rule local in 2014 may be central in 2026). */
  enabled(rule: RuleDef): boolean {
    const set = this.values.get(`${rule.id}.enabled`);
    return set === undefined ? !rule.optional : (set as boolean);
  }

  /** The rule with this deployment's parameters in its requirement. */
  apply(rule: RuleDef): RuleDef {
    if (!rule.params?.length) return rule;
    const requirement = { ...rule.requirement } as Record<string, SettingValue>;
    for (const p of rule.params) {
      const v = this.values.get(`${rule.id}.${p.name}`);
      if (v !== undefined) requirement[p.name] = v;
    }
    return { ...rule, requirement: requirement as unknown as RuleDef['requirement'] };
  }

  /** Settings that differ from the defaults. */
  overrides(): Record<string, SettingValue> {
    return Object.fromEntries(this.values);
  }
}

let specIndex: Map<string, SettingSpec> | null = null;

function specOf(key: string): SettingSpec {
  specIndex ??= new Map(settingSpecs().map((s) => [s.key, s]));
  const spec = specIndex.get(key);
  if (!spec) {
    const message = `没有名为“${key}”的规则设置项`;
    throw new AppError('SETTING_UNKNOWN', message, [{ code: 'SETTING_UNKNOWN', field: 'key', message }]);
  }
  return spec;
}

export async function loadRuleSettings(ctx: Ctx): Promise<RuleSettings> {
  const rows = await ctx.db.selectFrom('rule_settings').select(['key', 'value']).execute();
  const known = new Set(settingSpecs().map((s) => s.key));
  // A setting of a rule no longer in the catalog is ignored, not fatal.
  return new RuleSettings(new Map(rows.filter((r) => known.has(r.key)).map((r) => [r.key, JSON.parse(r.value) as SettingValue])));
}

/** Parses and checks a value given as text (CLI) or JSON (API). */
export function parseSetting(key: string, raw: unknown): SettingValue {
  const spec = specOf(key);
  const fail = (expect: string): never => {
    const message = `${spec.label}：${expect}`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'value', message }]);
  };
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (spec.kind) {
    case 'int': {
      const n = typeof text === 'number' ? text : typeof text === 'string' && /^-?\d+$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) fail(`应为${spec.min}–${spec.max}之间的整数`);
      return n;
    }
    case 'bool':
      if (text === true || text === 'true' || text === '是' || text === '1') return true;
      if (text === false || text === 'false' || text === '否' || text === '0') return false;
      return fail('应为 true（是）或 false（否）');
    case 'every': {
      const byLabel = Object.entries(EVERY_LABELS).find(([, label]) => label === text)?.[0];
      const v = (typeof text === 'string' && text in EVERY_LABELS ? text : byLabel) as Every | undefined;
      return v ?? fail('应为 month、quarter、half 或 year（每月、每季度、每半年、每年）');
    }
    case 'date':
      if (typeof text === 'string' && isValidIsoDate(text)) return text;
      return fail('应为日期（YYYY-MM-DD）');
  }
}

export interface SettingView {
  key: string;
  label: string;
  value: SettingValue;
  default: SettingValue;
  changed: boolean;
}

export function describeSettings(settings: RuleSettings): SettingView[] {
  return settingSpecs().map((s) => {
    const value = settings.get(s.key);
    return { key: s.key, label: s.label, value, default: s.default, changed: value !== s.default };
  });
}

/** Sets (or, with `null`, resets to the default) one setting; admins only; audited in the same transaction. */
export async function setRuleSetting(ctx: Ctx, key: string, raw: unknown): Promise<SettingView> {
  if (!accessOf(ctx.actor).isAdmin) {
    const message = '只有系统管理员可以修改规则设置';
    throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'key', message }]);
  }
  const spec = specOf(key);
  const value = raw === null ? null : parseSetting(key, raw);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db.selectFrom('rule_settings').select('value').where('key', '=', key).executeTakeFirst();
    const old = before ? (JSON.parse(before.value) as SettingValue) : spec.default;
    // A return to the default removes the stored value; but a rule's switch is kept as set, since it may equal the
    // newest version's default and still differ from an older version's.
    if (value === null || (value === spec.default && !key.endsWith('.enabled'))) {
      await tx.db.deleteFrom('rule_settings').where('key', '=', key).execute();
    } else {
      const row = { key, value: JSON.stringify(value), updated_at: tx.clock.nowIso(), updated_by: actorName(tx.actor) };
      if (before) await tx.db.updateTable('rule_settings').set(row).where('key', '=', key).execute();
      else await tx.db.insertInto('rule_settings').values(row).execute();
    }
    const now = value ?? spec.default;
    await appendAudit(tx, { action: 'update', recordType: 'rule_setting', recordId: key, changes: { [key]: [old, now] } });
    return { key, label: spec.label, value: now, default: spec.default, changed: now !== spec.default };
  });
}
