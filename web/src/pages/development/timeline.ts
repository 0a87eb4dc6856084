/**
 * The development timeline as pure functions: which step of 《发展党员工作细则》 is done, next, overdue or still
 * waiting, given the recorded dates and today; and the checks of a date as the user types it.
 *
 * Two kinds of check, both the server's own code bundled into the browser (no copy of a rule here):
 * - input errors (checkDevelopmentDates in src/modules/development/development-rules.ts): order of the steps, dates
 *   in the past and after birth, 18 years at application. The server refuses to save these.
 * - the rules' time limits and conditions (src/rules/catalog/development.ts, with this deployment's settings from
 *   GET /api/rules/settings): one year as activist before 发展对象, the deadlines of interview, approval, conversion,
 *   two introducers, training, political review. The server saves these but the rule engine lists them as problems.
 */
import { checkDevelopmentDates, probationEnd } from '../../../../src/modules/development/development-rules.js';
import { STEPS, STEP_BY_KEY, deriveStage, type StepDates, type StepKey } from '../../../../src/modules/development/steps.js';
import { DEVELOPMENT_2014, DEVELOPMENT_2026 } from '../../../../src/rules/catalog/development.js';
import type { Requirement, RuleDef } from '../../../../src/rules/types.js';
import { addMonths } from '../../../../src/shared/dates.js';
import { daysFrom, monthsBetween } from '../../../../src/shared/period.js';

export { STEPS, STEP_BY_KEY, deriveStage };
export type { StepDates, StepKey };

// ── The record and the settings ─────────────────────────────────────────────────────────────────────────────────

export interface DevelopmentRecord {
  dates: StepDates;
  birthDate: string | null;
  introducers: string | null;
  trainingHours: number | null;
  extensionMonths: number | null;
}

/** The fields of the development view this module reads (DevelopmentView has them all). */
export function recordOf(v: { birthDate: string | null; introducers: string | null; trainingHours: number | null; extensionMonths: number | null } & Partial<Record<StepKey, string | null>>): DevelopmentRecord {
  const dates: StepDates = {};
  for (const s of STEPS) dates[s.key] = v[s.key] ?? null;
  return { dates, birthDate: v.birthDate || null, introducers: v.introducers, trainingHours: v.trainingHours, extensionMonths: v.extensionMonths };
}

/** This deployment's settings of the development rules (GET /api/rules/settings). */
export interface RuleSettings {
  revision2026From: string;
  /** Values a deployment changed: `${ruleId}.enabled` and `${ruleId}.${param}`. */
  changed: Record<string, number | string | boolean>;
}

export const DEFAULT_SETTINGS: RuleSettings = { revision2026From: '2026-05-11', changed: {} };

export function settingsFrom(list: { key: string; value: number | string | boolean; changed: boolean }[]): RuleSettings {
  const changed: RuleSettings['changed'] = {};
  let revision2026From = DEFAULT_SETTINGS.revision2026From;
  for (const s of list) {
    if (s.key === 'development.revision2026From') revision2026From = String(s.value);
    else if (s.changed && s.key.startsWith('dev.')) changed[s.key] = s.value;
  }
  return { revision2026From, changed };
}

/** The rule in force on a day (the version of the step's date), as this deployment set it; null when off. */
export function ruleOn(id: string, on: string, settings: RuleSettings): RuleDef | null {
  const set = on >= settings.revision2026From ? DEVELOPMENT_2026 : DEVELOPMENT_2014;
  const rule = set.rules.find((r) => r.id === id);
  if (!rule) return null;
  const switched = settings.changed[`${id}.enabled`];
  if (switched === undefined ? rule.optional : !switched) return null;
  if (!rule.params?.length) return rule;
  const requirement = { ...rule.requirement } as Record<string, unknown>;
  for (const p of rule.params) {
    const v = settings.changed[`${id}.${p.name}`];
    if (v !== undefined) requirement[p.name] = v;
  }
  return { ...rule, requirement: requirement as unknown as Requirement };
}

/** Every development rule id, across the versions. */
const RULE_IDS = [...new Set([...DEVELOPMENT_2014.rules, ...DEVELOPMENT_2026.rules].map((r) => r.id))];

function requirementOf<T extends Requirement['type']>(id: string): Extract<Requirement, { type: T }> | null {
  const r = DEVELOPMENT_2026.rules.find((x) => x.id === id) ?? DEVELOPMENT_2014.rules.find((x) => x.id === id);
  return (r?.requirement as Extract<Requirement, { type: T }>) ?? null;
}

export function citationOf(rule: RuleDef): string {
  const c = rule.citation;
  return `${c.regulation}${c.article ?? ''}${c.certainty === 'unverified' ? '（原文未核实）' : ''}`;
}

// ── Dates in Chinese ────────────────────────────────────────────────────────────────────────────────────────────

export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A server message with its ISO dates as users read them. */
export function humanize(message: string): string {
  return message.replace(/\d{4}-\d{2}-\d{2}/g, cnDate);
}

/** Two dated steps of one step of the procedure (⑪ starts and ends), told apart. */
const PARTS: Partial<Record<StepKey, string>> = { trainingStartOn: '（开始）', trainingEndOn: '（结束）' };

/** The procedure's step as the timeline names it: ⑦确定发展对象, ⑪开展集中培训（开始）. */
export function stepTitle(key: StepKey): string {
  return STEP_BY_KEY.get(key)!.step + (PARTS[key] ?? '');
}

/** The procedure's step, without its circled number: ⑦确定发展对象 → 确定发展对象. */
export function stepName(key: StepKey): string {
  return stepTitle(key).replace(/^[①-⑳㉑-㉕]/, '');
}

// ── The five stages ─────────────────────────────────────────────────────────────────────────────────────────────

export const STAGES: { title: string; keys: StepKey[] }[] = [
  { title: '一、申请入党', keys: ['appliedOn', 'interviewedOn'] },
  { title: '二、入党积极分子的确定和培养教育', keys: ['activistOn', 'contactsOn'] },
  { title: '三、发展对象的确定和考察', keys: ['candidateOn', 'politicalReviewOn', 'trainingStartOn', 'trainingEndOn'] },
  { title: '四、预备党员的接收', keys: ['committeeReviewOn', 'preReviewOn', 'branchMeetingOn', 'superiorInterviewOn', 'approvedOn', 'oathOn'] },
  { title: '五、预备党员的教育、考察和转正', keys: ['conversionAppliedOn', 'conversionMeetingOn', 'conversionApprovedOn', 'extensionDecidedOn'] },
];

const STAGE_OF = new Map<StepKey, number>(STAGES.flatMap((s, i) => s.keys.map((k) => [k, i] as const)));

// ── Checks ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * - invalid: the server refuses to save (an input error);
 * - violation: saved, but against a rule (the rule engine lists it as a problem);
 * - late: saved, done after the rule's deadline.
 */
export type CheckLevel = 'invalid' | 'violation' | 'late';

export interface Check {
  level: CheckLevel;
  /** The step (or other field) the check is about. */
  field: string;
  message: string;
  rule: string | null;
  citation: string | null;
}

/** When a step falls due or may first be done, by the rules (for the timeline's hints). */
interface Limit {
  rule: RuleDef;
  kind: 'deadline' | 'earliest';
  on: string;
  hard: string | null;
  /** The fact the limit counts from, for the message: 申请入党日期2024年10月10日. */
  from: string;
}

/** The time limits on one step, given the other dates. */
export function limitsOf(key: StepKey, r: DevelopmentRecord, settings: RuleSettings): Limit[] {
  const d = r.dates;
  const out: Limit[] = [];
  for (const id of RULE_IDS) {
    const req0 = requirementOf(id);
    if (!req0) continue;
    if ((req0.type === 'step-deadline' || req0.type === 'step-interval') && req0.to === key) {
      const from = d[req0.from];
      if (!from) continue;
      const on = d[key] ?? addMonths(from, req0.months);
      const rule = ruleOn(id, on, settings);
      if (!rule || (rule.requirement.type !== 'step-deadline' && rule.requirement.type !== 'step-interval')) continue;
      const req = rule.requirement;
      if (req.type === 'step-deadline' && req.to === 'oathOn' && !d.approvedOn) continue;
      out.push({
        rule,
        kind: req.type === 'step-deadline' ? 'deadline' : 'earliest',
        on: addMonths(from, req.months),
        hard: req.type === 'step-deadline' && req.hardMonths ? addMonths(from, req.hardMonths) : null,
        from: `${STEP_BY_KEY.get(req.from)!.label}${cnDate(from)}`,
      });
    }
    if (key === 'conversionMeetingOn' && d.branchMeetingOn && d.approvedOn) {
      const end = probationEnd(d.branchMeetingOn, r.extensionMonths);
      if (req0.type === 'probation-not-before') {
        const rule = ruleOn(id, d.conversionMeetingOn ?? end, settings);
        if (rule) out.push({ rule, kind: 'earliest', on: end, hard: null, from: `预备期于${cnDate(end)}期满` });
      }
      if (req0.type === 'conversion-promptly') {
        const rule = ruleOn(id, d.conversionMeetingOn && d.conversionMeetingOn > end ? d.conversionMeetingOn : end, settings);
        if (rule?.requirement.type === 'conversion-promptly') {
          out.push({ rule, kind: 'deadline', on: addMonths(end, rule.requirement.months), hard: null, from: `预备期于${cnDate(end)}期满` });
        }
      }
    }
  }
  return out;
}

function ruleCheck(level: CheckLevel, field: string, rule: RuleDef, message: string): Check {
  return { level, field, message, rule: rule.id, citation: citationOf(rule) };
}

/** The rules' checks of a whole record: what the rule engine would list once these dates are saved. */
export function ruleChecks(r: DevelopmentRecord, settings: RuleSettings): Check[] {
  const d = r.dates;
  const out: Check[] = [];
  for (const s of STEPS) {
    const done = d[s.key];
    if (!done) continue;
    for (const l of limitsOf(s.key, r, settings)) {
      const name = stepName(s.key);
      if (l.kind === 'earliest' && done < l.on) {
        const months = l.rule.requirement.type === 'step-interval' ? l.rule.requirement.months : null;
        const fromKey = l.rule.requirement.type === 'step-interval' ? l.rule.requirement.from : null;
        out.push(
          ruleCheck(
            'violation',
            s.key,
            l.rule,
            months !== null && fromKey
              ? `${l.rule.title}：${l.from}，${s.label}${cnDate(done)}，间隔${monthsBetween(d[fromKey]!, done)}个月，不足${months}个月（最早可于${cnDate(l.on)}${name}）`
              : `${l.rule.title}：${l.from}，${name}不能早于此日（填写的是${cnDate(done)}）`,
          ),
        );
      }
      if (l.kind === 'deadline' && done > l.on) {
        const beyondHard = !!l.hard && done > l.hard;
        out.push(
          ruleCheck(
            beyondHard ? 'violation' : 'late',
            s.key,
            l.rule,
            `${l.rule.title}：${l.from}，应于${cnDate(l.on)}前${name}，${cnDate(done)}办理已超过期限${beyondHard ? `（特殊情况也不应晚于${cnDate(l.hard!)}）` : ''}`,
          ),
        );
      }
    }
  }
  const meeting = d.branchMeetingOn;
  if (meeting) {
    const review = ruleOn('dev.political-review', meeting, settings);
    if (review?.requirement.type === 'step-before') {
      const step = d[review.requirement.step];
      if (!step || step > meeting) {
        out.push(ruleCheck('violation', 'branchMeetingOn', review, step ? `${review.title}：政治审查日期${cnDate(step)}晚于支部大会讨论日期${cnDate(meeting)}` : `${review.title}：支部大会讨论（${cnDate(meeting)}）前未进行政治审查`));
      }
    }
    const intro = ruleOn('dev.introducers', meeting, settings);
    if (intro?.requirement.type === 'introducers') {
      const names = introducerNames(r.introducers);
      const count = intro.requirement.count;
      if (names.length !== count) {
        out.push(ruleCheck('violation', 'introducers', intro, names.length === 0 ? `${intro.title}：支部大会讨论（${cnDate(meeting)}）时未确定入党介绍人` : `${intro.title}：现填${names.length}名（${names.join('、')}），应为${count}名`));
      }
    }
    const training = ruleOn('dev.training', meeting, settings);
    if (training?.requirement.type === 'training') {
      const req = training.requirement;
      const days = d.trainingStartOn && d.trainingEndOn ? daysFrom(d.trainingStartOn, d.trainingEndOn) + 1 : 0;
      const hours = r.trainingHours ?? 0;
      const trained = !!d.trainingEndOn && d.trainingEndOn <= meeting;
      if (!(trained && (days >= req.minDays || hours >= req.minHours))) {
        out.push(
          ruleCheck(
            'violation',
            trained ? 'trainingHours' : 'branchMeetingOn',
            training,
            trained
              ? `${training.title}：集中培训共${days}天、${hours}学时，不足${req.minDays}天或${req.minHours}学时`
              : `${training.title}：支部大会讨论（${cnDate(meeting)}）前未参加集中培训`,
          ),
        );
      }
    }
  }
  if (d.extensionDecidedOn && r.extensionMonths === null) {
    const rule = ruleOn('dev.extension-range', d.extensionDecidedOn, settings);
    if (rule) out.push(ruleCheck('violation', 'extensionMonths', rule, `${rule.title}：已决定延长预备期，未填写延长月数`));
  }
  return out;
}

export function introducerNames(text: string | null): string[] {
  return (text ?? '')
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every check of a record: the server's input errors first, then the rules. */
export function checkRecord(r: DevelopmentRecord, settings: RuleSettings, today: string): Check[] {
  const invalid = checkDevelopmentDates(r.dates, { trainingHours: r.trainingHours, extensionMonths: r.extensionMonths }, r.birthDate, today).map(
    (i): Check => ({ level: 'invalid', field: i.field ?? '', message: humanize(i.message), rule: null, citation: null }),
  );
  return [...invalid, ...ruleChecks(r, settings)];
}

/**
 * The checks of one change as the user types it: the changed record's checks that are about the changed fields,
 * or that the change brought about elsewhere (a later step now earlier than this one). Problems the record had
 * before the change, on other fields, are not this change's.
 */
export function checkChange(before: DevelopmentRecord, change: Partial<Omit<DevelopmentRecord, 'dates' | 'birthDate'>> & { dates?: StepDates }, settings: RuleSettings, today: string): Check[] {
  const after: DevelopmentRecord = { ...before, ...change, dates: { ...before.dates, ...change.dates } };
  const fields = new Set<string>([...Object.keys(change.dates ?? {}), ...Object.keys(change).filter((k) => k !== 'dates')]);
  const known = new Set(checkRecord(before, settings, today).map((c) => `${c.field}|${c.message}`));
  return checkRecord(after, settings, today).filter((c) => fields.has(c.field) || !known.has(`${c.field}|${c.message}`));
}

// ── The timeline ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * - done: recorded (checks may still flag it);
 * - next: may be recorded now (the steps it requires are recorded);
 * - overdue: may be recorded now, and its deadline has passed;
 * - missing: not recorded, though the record has moved to a later stage;
 * - optional: only when it applies (延长预备期);
 * - pending: waits for an earlier step.
 */
export type StepState = 'done' | 'next' | 'overdue' | 'missing' | 'optional' | 'pending';

export interface TimelineItem {
  key: StepKey;
  label: string;
  step: string;
  stage: number;
  date: string | null;
  state: StepState;
  /** The deadline of a step not yet done (and whether it has passed: overdue). */
  dueOn: string | null;
  /** The earliest day the rules allow a step not yet done. */
  earliestOn: string | null;
  /** What to tell the user next to it. */
  hint: string | null;
  checks: Check[];
}

export function timeline(r: DevelopmentRecord, settings: RuleSettings, today: string): TimelineItem[] {
  const d = r.dates;
  const checks = checkRecord(r, settings, today);
  const lastStage = Math.max(-1, ...STEPS.filter((s) => d[s.key]).map((s) => STAGE_OF.get(s.key)!));
  return STEPS.map((s): TimelineItem => {
    const date = d[s.key] ?? null;
    const stage = STAGE_OF.get(s.key)!;
    const base = { key: s.key, label: s.label, step: stepTitle(s.key), stage, date, checks: checks.filter((c) => c.field === s.key) };
    if (date) return { ...base, state: 'done', dueOn: null, earliestOn: null, hint: null };
    if (s.key === 'extensionDecidedOn' && r.extensionMonths === null) {
      return { ...base, state: 'optional', dueOn: null, earliestOn: null, hint: d.approvedOn && !d.conversionApprovedOn ? '预备期内需要延长预备期时填写' : null };
    }
    if (s.key === 'extensionDecidedOn' && !d.approvedOn) return { ...base, state: 'pending', dueOn: null, earliestOn: null, hint: null };
    const ready = s.requires.every((k) => !!d[k] && d[k]! <= today);
    if (!ready) return { ...base, state: stage < lastStage ? 'missing' : 'pending', dueOn: null, earliestOn: null, hint: null };
    if (stage < lastStage || laterRecorded(d, s.key)) return { ...base, state: 'missing', dueOn: null, earliestOn: null, hint: null };
    const limits = limitsOf(s.key, r, settings);
    const deadline = limits.filter((l) => l.kind === 'deadline').sort((a, b) => a.on.localeCompare(b.on))[0];
    const earliest = limits.filter((l) => l.kind === 'earliest').sort((a, b) => b.on.localeCompare(a.on))[0];
    const overdue = !!deadline && deadline.on < today;
    const hints: string[] = [];
    if (earliest && earliest.on > today) hints.push(`${earliest.from}，最早可于${cnDate(earliest.on)}${stepName(s.key)}`);
    if (deadline) hints.push(overdue ? `${deadline.from}，应于${cnDate(deadline.on)}前${stepName(s.key)}，已逾期${daysFrom(deadline.on, today)}天` : `${deadline.from}，应于${cnDate(deadline.on)}前${stepName(s.key)}`);
    return {
      ...base,
      state: overdue ? 'overdue' : 'next',
      dueOn: deadline?.on ?? null,
      earliestOn: earliest?.on ?? null,
      hint: hints.join('；') || null,
    };
  });
}

/** A step is passed over once a later step of the same stage that requires the same steps is recorded. */
function laterRecorded(d: StepDates, key: StepKey): boolean {
  // The server's own view of "the record has moved past it" (rules/families/development.ts).
  const order: StepKey[] = ['appliedOn', 'interviewedOn', 'activistOn', 'candidateOn', 'preReviewOn', 'branchMeetingOn', 'approvedOn', 'oathOn', 'conversionMeetingOn', 'conversionApprovedOn'];
  const i = order.indexOf(key);
  return i >= 0 && order.slice(i + 1).some((k) => !!d[k]);
}

export const STATE_LABELS: Record<StepState, string> = {
  done: '已完成',
  next: '待办理',
  overdue: '已逾期',
  missing: '未登记',
  optional: '视情况',
  pending: '未开始',
};

/** The next steps to do (for the list): overdue first, then the earliest deadline. */
export function nextSteps(items: TimelineItem[]): TimelineItem[] {
  return items
    .filter((i) => i.state === 'next' || i.state === 'overdue')
    .sort((a, b) => (a.state === b.state ? (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') : a.state === 'overdue' ? -1 : 1));
}

/** The step the form proposes first: the first overdue or next step in the procedure's order. */
export function suggestedStep(items: TimelineItem[]): StepKey {
  return (items.find((i) => i.state === 'overdue') ?? items.find((i) => i.state === 'next') ?? items.find((i) => !i.date) ?? items[0]!).key;
}
