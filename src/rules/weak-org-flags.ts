/**
 * Data-driven suggestions for 软弱涣散 review (domain-rules §5, "Derive automatic red flags from data the system
 * already holds"): for each basic-level organization of a subtree, the reasons found in a year —
 *   - organizational life not held as required (the org-life findings of the year, its 党小组 included), at least the
 *     configured number of them (weak.orgLifeMissed, default 3: one missed month is a reminder, not a reason to review
 *     the organization — local practice; 1 reads the 《支部工作条例》 literally);
 *   - no 书记 recorded now (only the current post is known: whether the vacancy exceeds 3 months is for people to check);
 *   - the term expired without renewal (the set-up findings);
 *   - members 6 months or more in dues arrears, at least the configured number of them (weak.duesArrearsMembers; the
 *     dues findings);
 *   - no 发展对象 determined in the year or the year before (development records);
 *   - rectification still unfinished past its time limit (the rectification findings).
 * Each reason is derived from the rule engine's findings for the year (evaluateRules), not re-derived here. The list is
 * ordered by the number of reasons, with the share the central pattern asks to rank from the bottom (5%–10% of
 * branches a year; some provinces rectify every qualifying one, "应整尽整、不设比例"). A suggestion is not a decision:
 * opening a case (openWeakCase, source 数据提示) is someone's act, and judging it the superior's.
 */
import type { Ctx } from '../context.js';
import { AppError } from '../shared/errors.js';
import { isOneOf, type OrgKind } from '../shared/vocab.js';
import { openWeakCase } from '../modules/ratings/open-weak-case.js';
import type { WeakCaseView } from '../modules/ratings/ratings.schema.js';
import { subtreeUpperBound } from '../modules/orgs/tree.js';
import type { RuleFinding } from './context.js';
import { evaluateRules } from './evaluate.js';
import { orgRecord } from './families/org-setup.js';
import { STATUS_LABELS, type EvidenceRecord } from './types.js';

/** The organizations judged: basic-level organizations that stand (not 临时党支部, not 党小组). */
export const WEAK_ORG_KINDS: readonly OrgKind[] = ['党总支', '党支部', '联合党支部'];

export const WEAK_REASON_CODES = ['org-life-missed', 'secretary-vacant', 'term-overdue', 'dues-arrears', 'no-candidate', 'rectification-overdue'] as const;
export type WeakReasonCode = (typeof WEAK_REASON_CODES)[number];
export const WEAK_REASON_LABELS: Record<WeakReasonCode, string> = {
  'org-life-missed': '未按规定开展组织生活',
  'secretary-vacant': '未登记党组织书记',
  'term-overdue': '未按期换届',
  'dues-arrears': '党员连续6个月以上未交纳党费',
  'no-candidate': '连续两年未确定发展对象',
  'rectification-overdue': '整改问题逾期未完成',
};

/** The share of branches ranked from the bottom each year (domain-rules §5). */
export const WEAK_SHARE = { min: 0.05, max: 0.1 } as const;

export interface WeakEvidence {
  /** What was found, as a person reads it. */
  summary: string;
  /** The rule whose finding it is; null for what is read from the records directly. */
  rule: string | null;
  records: EvidenceRecord[];
}

export interface WeakReason {
  code: WeakReasonCode;
  text: string;
  evidence: WeakEvidence[];
}

export interface WeakOrgSuggestion {
  org: string;
  orgName: string;
  kind: string;
  parent: string | null;
  reasons: WeakReason[];
  /** Within the suggested share, counted from the top of the list. */
  withinShare: boolean;
  /** A case of the year already recorded for the organization (any status). */
  existingCase: { id: number; status: string; source: string } | null;
}

export interface WeakOrgSuggestions {
  org: string;
  orgName: string;
  orgKind: string;
  year: number;
  asOf: string;
  /** Basic-level organizations judged. */
  branches: number;
  share: { min: number; max: number; text: string };
  items: WeakOrgSuggestion[];
}

export async function suggestWeakOrgs(ctx: Ctx, opts: { orgCode?: string | undefined; year: number }): Promise<WeakOrgSuggestions> {
  const year = opts.year;
  const e = await evaluateRules(ctx, { orgCode: opts.orgCode, period: String(year) });
  const { facts } = e;
  const branches = facts.orgs.filter((o) => isOneOf(WEAK_ORG_KINDS, o.kind));
  const ownerOf = (code: string): number | null => {
    const o = facts.orgs.find((x) => x.code === code);
    if (!o) return null;
    return o.kind === '党小组' && o.parentId !== null ? o.parentId : o.id;
  };
  const byOrg = new Map<number, RuleFinding[]>();
  for (const f of e.findings) {
    const id = ownerOf(f.org);
    if (id !== null) byOrg.set(id, [...(byOrg.get(id) ?? []), f]);
  }
  const duesMin = e.settings.int('weak.duesArrearsMembers');
  const lifeMin = e.settings.int('weak.orgLifeMissed');
  // Posts are judged only where the records keep them: a deployment that records no 书记 anywhere is not flagged.
  const postsKept = facts.members.some((m) => m.partyPost !== null);
  const secretaries = new Set(facts.members.filter((m) => m.partyPost === '书记').map((m) => m.orgId));
  const membersOf = new Map<number, number>();
  for (const m of facts.members) membersOf.set(m.orgId, (membersOf.get(m.orgId) ?? 0) + 1);
  const candidates = new Map<number, string[]>();
  for (const r of facts.development) {
    const on = r.dates.candidateOn;
    if (on && on >= `${year - 1}-01-01` && on <= `${year}-12-31`) candidates.set(r.orgId, [...(candidates.get(r.orgId) ?? []), on]);
  }

  const items: WeakOrgSuggestion[] = [];
  for (const org of branches) {
    const found = byOrg.get(org.id) ?? [];
    const reasons: WeakReason[] = [];
    const fromFindings = (code: WeakReasonCode, list: RuleFinding[], text: string) => {
      if (list.length > 0) reasons.push({ code, text, evidence: list.map(evidenceOf) });
    };
    const lifeMissed = found.filter((f) => f.family === 'org-life' && f.status === 'missed');
    if (lifeMissed.length >= lifeMin) fromFindings('org-life-missed', lifeMissed, `${year}年有${lifeMissed.length}项组织生活未按规定开展：${summarize(lifeMissed.map((f) => f.message), 3)}`);
    if (postsKept && !secretaries.has(org.id) && (membersOf.get(org.id) ?? 0) > 0) {
      reasons.push({
        code: 'secretary-vacant',
        text: `现有党员${membersOf.get(org.id)}名，均未登记党内职务“书记”（系统只记载现任职务，书记是否空缺超过3个月请核实）`,
        evidence: [{ summary: `截至${e.asOf}，${org.name}在册党员中无党内职务为“书记”的记录`, rule: null, records: [orgRecord(org)] }],
      });
    }
    const term = found.filter((f) => f.rule === 'setup.term-expiry' && f.status === 'overdue');
    fromFindings('term-overdue', term, term.map((f) => f.message).join('；'));
    const dues = found.filter((f) => f.rule === 'members.dues-arrears' && f.status === 'violation');
    if (dues.length >= duesMin) fromFindings('dues-arrears', dues, `${dues.length}名党员连续6个月以上未交纳党费：${summarize(dues.map((f) => f.person ?? ''))}`);
    if (org.establishedOn === null || org.establishedOn <= `${year - 1}-01-01`) {
      if (!candidates.has(org.id)) {
        reasons.push({
          code: 'no-candidate',
          text: `${year - 1}年、${year}年均未确定发展对象`,
          evidence: [{ summary: `${org.name}的发展党员记录中无${year - 1}-01-01至${year}-12-31期间确定为发展对象的记录`, rule: null, records: [orgRecord(org)] }],
        });
      }
    }
    const rect = found.filter((f) => f.rule === 'rectification.overdue' && f.open && f.status === 'overdue');
    fromFindings('rectification-overdue', rect, `${rect.length}个整改问题逾期未完成整改：${summarize(rect.map((f) => f.message))}`);
    if (reasons.length === 0) continue;
    const parent = org.parentId !== null ? facts.byId.get(org.parentId) : undefined;
    items.push({
      org: org.code, orgName: org.name, kind: org.kind, parent: parent && org.id !== facts.root.id ? parent.code : null,
      reasons: reasons.map((r) => ({ ...r, text: clip(r.text, 300) })), withinShare: false, existingCase: null,
    });
  }
  const order = new Map(facts.orgs.map((o, i) => [o.code, i]));
  items.sort((a, b) => b.reasons.length - a.reasons.length || order.get(a.org)! - order.get(b.org)!);
  const share = shareOf(branches.length);
  items.forEach((it, i) => (it.withinShare = i < share.max));

  if (items.length > 0) {
    const cases = await ctx.db
      .selectFrom('weak_org_cases as w')
      .innerJoin('organizations as o', 'o.id', 'w.org_id')
      .select(['w.id', 'w.status', 'w.source', 'o.code'])
      .where('o.path', '>=', facts.root.path)
      .where('o.path', '<', subtreeUpperBound(facts.root.path))
      .where('w.year', '=', year)
      .orderBy('w.id')
      .execute();
    const byCode = new Map(cases.map((c) => [c.code, c]));
    for (const it of items) {
      const c = byCode.get(it.org);
      if (c) it.existingCase = { id: c.id, status: c.status, source: c.source };
    }
  }
  return { org: e.root.code, orgName: e.root.name, orgKind: e.root.kind, year, asOf: e.asOf, branches: branches.length, share, items };
}

/** 5%–10% of the branches, at least one when there are any. */
export function shareOf(branches: number): { min: number; max: number; text: string } {
  const min = branches === 0 ? 0 : Math.max(1, Math.ceil(branches * WEAK_SHARE.min));
  const max = Math.max(min, Math.floor(branches * WEAK_SHARE.max));
  const range = min === max ? `${min}` : `${min}–${max}`;
  return {
    min,
    max,
    text: `按每年${WEAK_SHARE.min * 100}%–${WEAK_SHARE.max * 100}%的比例倒排确定整顿对象：本范围基层党组织${branches}个，建议${range}个（部分地方“应整尽整、不设比例”，以本地规定为准）`,
  };
}

/**
 * Opens a 软弱涣散 case (source 数据提示) for an organization with the reasons the data gives this year; refused when
 * the data gives none. The ratings module checks the caller may write there and that no case of the year is open.
 */
export async function openSuggestedCase(ctx: Ctx, opts: { orgCode: string; year: number }): Promise<WeakCaseView> {
  const s = await suggestWeakOrgs(ctx, { orgCode: opts.orgCode, year: opts.year });
  const item = s.items.find((i) => i.org === s.org);
  if (!item) {
    const what = isOneOf(WEAK_ORG_KINDS, s.orgKind as OrgKind) ? `${opts.year}年的数据未提示软弱涣散情形` : '不是党总支、党支部或联合党支部';
    const message = `${s.orgName}（${s.org}）${what}，不能按“数据提示”列入软弱涣散排查`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'orgCode', message }]);
  }
  return openWeakCase(ctx, { orgCode: item.org, year: opts.year, source: '数据提示', reasons: item.reasons.map((r) => ({ code: r.code, text: r.text })) });
}

function evidenceOf(f: RuleFinding): WeakEvidence {
  return { summary: `【${STATUS_LABELS[f.status]}】${f.period} ${f.message}`, rule: f.rule, records: f.evidence.records };
}

function summarize(parts: string[], max = 5): string {
  const shown = parts.slice(0, max).join('、');
  return parts.length > max ? `${shown}等${parts.length}项` : shown;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
