/**
 * The 巡察督查, 检查对象, 问题整改 and 整改记录 sheets, checked with the inspections module's schemas and rules
 * (inspections.schema.ts, inspection-rules.ts, problem-workflow.ts): a round's dates, its targets strictly under the
 * conducting organization, a problem of a round (of the source's kind) under one of its targets, and the problem's
 * history — 登记 first, then only the steps the workflow allows from each status, dated in order, ending in the
 * status, dates and re-openings the 问题整改 row states. A problem with no 整改记录 rows gets the shortest history
 * its row implies (登记, 制定措施, 提请验收, 验收通过, 销号 as far as its status and dates go).
 */
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { PROBLEM_STATUSES } from '../../shared/vocab.js';
import { checkRoundDates } from '../inspections/inspection-rules.js';
import { INSPECTION_SOURCES, PROBLEM_ACTIONS, inspectionInput, problemInput, problemStepInput, targetInput, unitKind, type ProblemAction } from '../inspections/inspections.schema.js';
import { ACCEPTED_STAGE } from '../inspections/problem-records.js';
import { checkProblemDates } from '../inspections/record-problem.js';
import { WORKFLOW, countMeasures } from '../inspections/problem-workflow.js';
import { finish, firstRowText, type LedgerRefs } from './ledger-refs.js';
import type { ParsedRow } from './sheet-collector.js';
import { checkRow, count, enumOf, key, KeyIndex, optionalDate, optionalText, text } from './sheet-fields.js';
import { SHEETS, type InspectionTargetValues, type InspectionValues, type ProblemEventValues, type ProblemValues } from './workbook-format.js';

export interface PlannedInspection {
  key: string;
  orgCode: string;
  kind: string;
  title: string;
  roundNo: number | null;
  startOn: string;
  endOn: string;
  cluesTransferred: number | null;
  noticesIssued: number | null;
  note: string | null;
}
export interface PlannedTarget {
  key: string;
  targetOrgCode: string | null;
  unitName: string;
  unitKind: string;
}
export interface PlannedProblem {
  key: string;
  orgCode: string;
  source: string;
  inspectionKey: string | null;
  category: string;
  level: string;
  description: string;
  ownerName: string;
  measures: string | null;
  measuresCount: number;
  foundOn: string;
  deadline: string;
  status: string;
  rectifiedOn: string | null;
  acceptedOn: string | null;
  acceptedBy: string | null;
  closedOn: string | null;
  reopened: number;
  note: string | null;
}
export interface PlannedProblemEvent {
  key: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  happenedOn: string;
  note: string | null;
  evidence: string | null;
  actor: string;
}

export interface InspectionRows {
  inspections: ParsedRow<InspectionValues>[];
  inspectionTargets: ParsedRow<InspectionTargetValues>[];
  problems: ParsedRow<ProblemValues>[];
  problemEvents: ParsedRow<ProblemEventValues>[];
}

export interface PlannedInspections {
  inspections: PlannedInspection[];
  targets: PlannedTarget[];
  problems: PlannedProblem[];
  events: PlannedProblemEvent[];
}

/** 登记, the problem's creation, and the steps after it. */
const REGISTER = '登记';
const STEPS = [REGISTER, ...PROBLEM_ACTIONS] as const;
const status = enumOf(PROBLEM_STATUSES);

const inspectionRow = inspectionInput.omit({ targets: true }).extend({ key });
const targetRow = targetInput.extend({ key, targetOrgCode: text(50).nullish(), unitKind });
const problemRow = problemInput.omit({ inspectionId: true }).extend({
  key, inspectionKey: key.nullish(), status, rectifiedOn: optionalDate, acceptedOn: optionalDate, acceptedBy: optionalText(50), closedOn: optionalDate,
  reopened: count.max(1000).nullish(),
});
const eventRow = problemStepInput.pick({ note: true, evidence: true }).extend({
  key, action: enumOf(STEPS), fromStatus: status.nullish(), toStatus: status, happenedOn: problemStepInput.shape.on, actor: text(50),
});

export function checkInspectionSheets(rows: InspectionRows, refs: LedgerRefs, importer: string, issues: FieldIssue[]): PlannedInspections {
  const out: PlannedInspections = { inspections: [], targets: [], problems: [], events: [] };

  const rounds = new KeyIndex<InspectionValues>(SHEETS.inspections, '编号');
  for (const row of rows.inspections) {
    const data = checkRow(inspectionRow, SHEETS.inspections, row, issues, (v, found) => {
      rounds.add(v.key, row.row, v, found);
      refs.org(v.orgCode, 'orgCode', found);
      if (v.startOn && v.endOn) found.push(...checkRoundDates(v.startOn, v.endOn));
      refs.notFuture(v.startOn, 'startOn', '开始日期', found);
    });
    if (data) {
      out.inspections.push({
        key: data.key, orgCode: data.orgCode, kind: data.kind, title: data.title, roundNo: data.roundNo ?? null, startOn: data.startOn, endOn: data.endOn,
        cluesTransferred: data.cluesTransferred ?? null, noticesIssued: data.noticesIssued ?? null, note: data.note || null,
      });
    }
  }

  // 检查对象: an organization strictly under the conducting one (its name beside the code, if given, its own), or a unit by name.
  const targetsOf = new Map<string, string[]>();
  const seenTarget = new Map<string, number>();
  for (const row of rows.inspectionTargets) {
    let unitName: string | undefined;
    const data = checkRow(targetRow, SHEETS.inspectionTargets, row, issues, (v, found, bad) => {
      const round = rounds.get(v.key, 'key', found);
      const target = refs.org(v.targetOrgCode, 'targetOrgCode', found);
      const conducting = round?.orgCode ? refs.orgs.get(round.orgCode) : undefined;
      if (target && conducting && (target.code === conducting.code || !refs.isUnder(target.code, conducting.code))) {
        found.push(issue('FIELD_INVALID', 'targetOrgCode', `被检查组织代码：${target.code}不是${conducting.code}的下级组织`));
      }
      if (target && v.unitName && target.name && v.unitName !== target.name) {
        found.push(issue('FIELD_INVALID', 'unitName', `单位名称“${v.unitName}”与组织${target.code}的名称“${target.name}”不一致（可不填）`));
      }
      if (!v.targetOrgCode && !v.unitName && !bad.has('targetOrgCode') && !bad.has('unitName')) {
        found.push(issue('FIELD_REQUIRED', 'targetOrgCode', '缺少必填项：被检查组织代码，系统外单位填单位名称'));
      }
      unitName = target?.name ?? v.unitName;
      const who = v.targetOrgCode ? `o${v.targetOrgCode}` : v.unitName ? `n${v.unitName}` : undefined;
      if (v.key && who) {
        const pair = `${v.key}|${who}`;
        const first = seenTarget.get(pair);
        if (first !== undefined) found.push(issue('FIELD_INVALID', v.targetOrgCode ? 'targetOrgCode' : 'unitName', `同一巡察督查的对象与${firstRowText(SHEETS.inspectionTargets, first)}重复`));
        else seenTarget.set(pair, row.row);
      }
      if (v.key && v.targetOrgCode) targetsOf.set(v.key, [...(targetsOf.get(v.key) ?? []), v.targetOrgCode]);
    });
    if (data && unitName) out.targets.push({ key: data.key, targetOrgCode: data.targetOrgCode ?? null, unitName, unitKind: data.unitKind });
  }

  const problems = new KeyIndex<ProblemValues>(SHEETS.problems, '问题编号');
  const planned = new Map<string, PlannedProblem>();
  const problemRowOf = new Map<string, number>();
  for (const row of rows.problems) {
    const data = checkRow(problemRow, SHEETS.problems, row, issues, (v, found) => {
      problems.add(v.key, row.row, v, found);
      const org = refs.org(v.orgCode, 'orgCode', found);
      if (v.foundOn && v.deadline) found.push(...checkProblemDates(v.foundOn, v.deadline, refs.today));
      if (v.inspectionKey) {
        const round = rounds.get(v.inspectionKey, 'inspectionKey', found);
        if (v.source && !(INSPECTION_SOURCES as readonly string[]).includes(v.source)) {
          found.push(issue('FIELD_INVALID', 'inspectionKey', `巡察督查编号：来源为${v.source}的问题不关联巡察督查，仅${INSPECTION_SOURCES.join('、')}可关联`));
        } else if (round) {
          if (round.kind && v.source && round.kind !== v.source) found.push(issue('FIELD_INVALID', 'inspectionKey', `巡察督查编号：“${v.inspectionKey}”是${round.kind}，与来源${v.source}不一致`));
          if (org && !(targetsOf.get(v.inspectionKey) ?? []).some((t) => refs.isUnder(org.code, t))) {
            found.push(issue('FIELD_INVALID', 'orgCode', `组织代码：${org.code}不是“${round.title ?? v.inspectionKey}”的检查对象或其下级组织`));
          }
          if (v.foundOn && round.startOn && v.foundOn < round.startOn) {
            found.push(issue('DATE_ORDER_INVALID', 'foundOn', `发现日期${v.foundOn}早于“${round.title ?? v.inspectionKey}”的开始日期${round.startOn}`));
          }
        }
      }
    });
    if (data) {
      const measures = data.measures || null;
      const p: PlannedProblem = {
        key: data.key, orgCode: data.orgCode, source: data.source, inspectionKey: data.inspectionKey ?? null, category: data.category, level: data.level,
        description: data.description, ownerName: data.ownerName, measures, measuresCount: data.measuresCount ?? (measures ? countMeasures(measures) : 0),
        foundOn: data.foundOn, deadline: data.deadline, status: data.status, rectifiedOn: data.rectifiedOn ?? null, acceptedOn: data.acceptedOn ?? null,
        acceptedBy: data.acceptedBy ?? null, closedOn: data.closedOn ?? null, reopened: data.reopened ?? 0, note: data.note || null,
      };
      planned.set(data.key, p);
      problemRowOf.set(data.key, row.row);
    }
  }

  // 整改记录: each row on its own, then each problem's rows in order as a workflow.
  const historyOf = new Map<string, { row: number; e: PlannedProblemEvent }[]>();
  const badHistory = new Set<string>();
  for (const row of rows.problemEvents) {
    const data = checkRow(eventRow, SHEETS.problemEvents, row, issues, (v, found) => {
      problems.get(v.key, 'key', found);
      refs.notFuture(v.happenedOn, 'happenedOn', '日期', found);
    });
    const k = row.values.key;
    if (!k) continue;
    if (!data) badHistory.add(k);
    else historyOf.set(k, [...(historyOf.get(k) ?? []), { row: row.row, e: { key: data.key, action: data.action, fromStatus: data.fromStatus ?? null, toStatus: data.toStatus, happenedOn: data.happenedOn, note: data.note || null, evidence: data.evidence || null, actor: data.actor } }]);
  }
  for (const [k, p] of planned) {
    if (badHistory.has(k)) continue;
    const given = historyOf.get(k);
    const found: FieldIssue[] = [];
    const events = given ? replay(p, given, refs, issues, found) : implied(p, importer, refs.today, found);
    if (!finish(SHEETS.problems, problemRowOf.get(k)!, found, issues) || !events) continue;
    if (events.some((e) => WORKFLOW[e.action as ProblemAction]?.superior) && !superiorOf(refs, p.orgCode)) {
      issues.push(...[issue('PERMISSION_DENIED', 'status', `验收、销号和重新整改须由${p.orgCode}的上级党组织办理，您不能导入这些步骤`)].map((f) => ({ ...f, sheet: SHEETS.problems.name, row: problemRowOf.get(k)!, column: '状态' })));
      continue;
    }
    out.problems.push(p);
    out.events.push(...events);
  }
  return out;
}

/** What the history leaves the problem with, as the steps set it (step-problem.ts). */
interface State {
  stage: string;
  status: string;
  rectifiedOn: string | null;
  acceptedOn: string | null;
  acceptedBy: string | null;
  closedOn: string | null;
  reopened: number;
  measured: boolean;
}

/**
 * Replays the given history: 登记 first (on or after the found date), each later step allowed from the stage
 * before it, its 原状态 (if given) that stage's status and its 新状态 the step's, dates in order; then the row's status,
 * dates and re-openings must be those the history leaves (empty cells are filled from it). Problems at the event rows,
 * disagreements at the 问题整改 row.
 */
function replay(p: PlannedProblem, history: { row: number; e: PlannedProblemEvent }[], refs: LedgerRefs, issues: FieldIssue[], rowFound: FieldIssue[]): PlannedProblemEvent[] | null {
  const sheet = SHEETS.problemEvents;
  let s: State | null = null;
  let lastOn = p.foundOn;
  for (const { row, e } of history) {
    const found: FieldIssue[] = [];
    if (s === null) {
      if (e.action !== REGISTER) found.push(issue('PROBLEM_TRANSITION_INVALID', 'action', `问题“${p.key}”的整改记录应以“登记”开始，而不是“${e.action}”`));
      else if (e.fromStatus !== null || e.toStatus !== '待整改') found.push(issue('PROBLEM_TRANSITION_INVALID', 'toStatus', '登记：原状态不填，新状态为待整改'));
      if (e.happenedOn < p.foundOn) found.push(issue('DATE_ORDER_INVALID', 'happenedOn', `日期${e.happenedOn}早于问题的发现日期${p.foundOn}`));
      s = { stage: '待整改', status: '待整改', rectifiedOn: null, acceptedOn: null, acceptedBy: null, closedOn: null, reopened: 0, measured: Boolean(p.measures) };
    } else if (e.action === REGISTER) {
      found.push(issue('PROBLEM_TRANSITION_INVALID', 'action', `问题“${p.key}”已登记，不能再次登记`));
    } else {
      const step = WORKFLOW[e.action as ProblemAction];
      if (!step.from.includes(s.stage)) {
        const stage = s.stage === ACCEPTED_STAGE ? `待验收（${ACCEPTED_STAGE}）` : s.stage;
        const next = (Object.keys(WORKFLOW) as ProblemAction[]).filter((a) => WORKFLOW[a].from.includes(s!.stage));
        found.push(issue('PROBLEM_TRANSITION_INVALID', 'action', `此时问题状态为“${stage}”，不能办理“${e.action}”（可办理：${next.join('、')}）`));
      } else {
        if (e.fromStatus !== null && e.fromStatus !== s.status) found.push(issue('PROBLEM_TRANSITION_INVALID', 'fromStatus', `原状态应为${s.status}（上一步之后的状态）`));
        if (e.toStatus !== step.to) found.push(issue('PROBLEM_TRANSITION_INVALID', 'toStatus', `新状态应为${step.to}（“${e.action}”之后的状态）`));
        if (!e.note && (e.action === '报告进展' || e.action === '验收不通过' || e.action === '重新整改')) {
          found.push(issue('FIELD_REQUIRED', 'note', `缺少必填项：说明（${e.action === '报告进展' ? '进展情况' : `${e.action}的原因`}）`));
        }
        if (e.action === '制定措施' && !p.measures) rowFound.push(issue('FIELD_REQUIRED', 'measures', '缺少必填项：整改措施（整改记录中有“制定措施”）'));
        s = advance(s, e);
      }
      if (e.happenedOn < lastOn) found.push(issue('DATE_ORDER_INVALID', 'happenedOn', `日期${e.happenedOn}早于上一步的日期${lastOn}`));
    }
    if (e.happenedOn > lastOn) lastOn = e.happenedOn;
    if (!finish(sheet, row, found, issues)) return null;
  }
  if (!s) return null;
  agree(p, s, rowFound);
  return rowFound.length === 0 ? history.map((h) => ({ ...h.e, fromStatus: h.e.action === REGISTER ? null : h.e.fromStatus ?? previousStatus(history, h) })) : null;
}

function previousStatus(history: { e: PlannedProblemEvent }[], h: { e: PlannedProblemEvent }): string {
  const i = history.indexOf(h as (typeof history)[number]);
  return history[i - 1]!.e.toStatus;
}

function advance(s: State, e: PlannedProblemEvent): State {
  const next: State = { ...s, status: WORKFLOW[e.action as ProblemAction].to };
  switch (e.action) {
    case '提请验收':
      next.rectifiedOn = e.happenedOn;
      break;
    case '验收通过':
      Object.assign(next, { acceptedOn: e.happenedOn, acceptedBy: e.actor });
      break;
    case '验收不通过':
      next.rectifiedOn = null;
      break;
    case '销号':
      next.closedOn = e.happenedOn;
      break;
    case '重新整改':
      Object.assign(next, { rectifiedOn: null, acceptedOn: null, acceptedBy: null, closedOn: null, reopened: s.reopened + 1 });
      break;
  }
  next.stage = next.status === '待验收' && next.acceptedOn !== null ? ACCEPTED_STAGE : next.status;
  return next;
}

/** The row's status and dates against the history's; empty cells take the history's. */
function agree(p: PlannedProblem, s: State, found: FieldIssue[]): void {
  if (p.status !== s.status) found.push(issue('PROBLEM_TRANSITION_INVALID', 'status', `状态${p.status}与整改记录最后的状态${s.status}不一致`));
  const fields = [
    ['rectifiedOn', '整改完成日期', '提请验收'],
    ['acceptedOn', '验收日期', '验收通过'],
    ['closedOn', '销号日期', '销号'],
  ] as const;
  for (const [field, label, step] of fields) {
    const mine = p[field];
    const theirs = s[field];
    if (mine === null) p[field] = theirs;
    else if (mine !== theirs) found.push(issue('FIELD_INVALID', field, theirs ? `${label}${mine}与整改记录中“${step}”的日期${theirs}不一致` : `${label}：整改记录中没有有效的“${step}”，应不填`));
  }
  if (p.acceptedBy === null) p.acceptedBy = s.acceptedBy;
  else if (s.acceptedOn === null) found.push(issue('FIELD_INVALID', 'acceptedBy', '验收人：整改记录中没有有效的“验收通过”，应不填'));
  if (p.reopened !== s.reopened) found.push(issue('FIELD_INVALID', 'reopened', `重新整改次数${p.reopened}与整改记录中的${s.reopened}次不一致`));
}

/** A problem without 整改记录 rows: the shortest history its status and dates imply, recorded as by the importer. */
function implied(p: PlannedProblem, importer: string, today: string, found: FieldIssue[]): PlannedProblemEvent[] | null {
  const rank = PROBLEM_STATUSES.indexOf(p.status as (typeof PROBLEM_STATUSES)[number]);
  const need = (field: 'rectifiedOn' | 'acceptedOn' | 'closedOn' | 'measures', label: string, when: boolean) => {
    if (when && !p[field]) found.push(issue('FIELD_REQUIRED', field, `缺少必填项：${label}（状态为${p.status}时；或在整改记录表中填写整改经过）`));
    if (!when && p[field] && field !== 'measures') found.push(issue('FIELD_INVALID', field, `${label}：状态为${p.status}时不填`));
  };
  need('measures', '整改措施', rank >= 1);
  need('rectifiedOn', '整改完成日期', rank >= 2);
  need('closedOn', '销号日期', rank === 3);
  if (rank === 3) need('acceptedOn', '验收日期', true);
  else if (rank < 2 && p.acceptedOn) need('acceptedOn', '验收日期', false);
  if (p.acceptedBy && !p.acceptedOn) found.push(issue('FIELD_INVALID', 'acceptedBy', '验收人：未填验收日期时不填'));
  if (p.reopened > 0) found.push(issue('FIELD_REQUIRED', 'reopened', '重新整改过的问题须在整改记录表中填写整改经过'));
  const order: [string | null, string, string][] = [[p.foundOn, '发现日期', 'foundOn'], [p.rectifiedOn, '整改完成日期', 'rectifiedOn'], [p.acceptedOn, '验收日期', 'acceptedOn'], [p.closedOn, '销号日期', 'closedOn']];
  let last: [string, string] | null = null;
  for (const [on, label, field] of order) {
    if (!on) continue;
    if (on > today) found.push(issue('DATE_IN_FUTURE', field, `${label}${on}晚于今天`));
    if (last && on < last[0]) found.push(issue('DATE_ORDER_INVALID', field, `${label}${on}早于${last[1]}${last[0]}`));
    last = [on, label];
  }
  if (found.length > 0) return null;
  const e = (action: string, from: string | null, to: string, on: string, actor = importer): PlannedProblemEvent => ({ key: p.key, action, fromStatus: from, toStatus: to, happenedOn: on, note: null, evidence: null, actor });
  const out = [e(REGISTER, null, '待整改', p.foundOn)];
  if (rank >= 1) out.push(e('制定措施', '待整改', '整改中', p.foundOn));
  if (rank >= 2) out.push(e('提请验收', '整改中', '待验收', p.rectifiedOn!));
  if (rank >= 2 && p.acceptedOn) {
    p.acceptedBy ??= importer;
    out.push(e('验收通过', '待验收', '待验收', p.acceptedOn, p.acceptedBy));
  }
  if (rank === 3) out.push(e('销号', '待验收', '已销号', p.closedOn!));
  return out;
}

/** The importer may act as the organization's superior: change records of an organization above it. */
function superiorOf(refs: LedgerRefs, code: string): boolean {
  const seen = new Set<string>([code]);
  for (let c = refs.orgs.get(code)?.parentCode ?? null; c !== null && !seen.has(c); c = refs.orgs.get(c)?.parentCode ?? null) {
    const org = refs.orgs.get(c);
    if (!org) break;
    if (refs.writable(org)) return true;
    seen.add(c);
  }
  return refs.access.isAdmin;
}
