/**
 * The desk's logic, apart from the components: the due list (GET /api/due, the rule engine's open findings) grouped
 * into the secretary's categories, sorted by deadline, each item's deadline in words ("已逾期3天") and the page where
 * it is done ("登记会议" opens the meeting form with the kind filled in). The meeting kind of a rule comes from the
 * rule catalog itself (pure data), never from a copy.
 */
import { BRANCH_WORK_2018, LEADERSHIP_2016 } from '../../../../src/rules/catalog/branch-work.js';
import type { RuleFinding } from '../../lib/types';

export type DeskCategory = 'meetings' | 'development' | 'conversion' | 'dues' | 'members' | 'tasks' | 'rectification' | 'setup' | 'disclosure' | 'other';

export const CATEGORY_LABELS: Record<DeskCategory, string> = {
  meetings: '组织生活',
  development: '发展党员',
  conversion: '预备党员转正',
  dues: '党费交纳',
  members: '党员教育管理',
  tasks: '任务督办',
  rectification: '问题整改',
  setup: '组织设置与换届',
  disclosure: '党务公开',
  other: '其他事项',
};

const CATEGORY_ORDER = Object.keys(CATEGORY_LABELS) as DeskCategory[];

/** The rules about the probation and the conversion (转正) of probationary members. */
const CONVERSION_RULES = new Set(['dev.probation-not-before', 'dev.conversion-promptly', 'dev.extension-range', 'dev.conversion-approval']);

/** Rule id → the kind of meeting it asks for, from the catalog (life.committee-meeting → 支委会). */
const MEETING_KIND_OF_RULE: ReadonlyMap<string, string> = new Map(
  [...BRANCH_WORK_2018.rules, ...LEADERSHIP_2016.rules].flatMap((r) => (r.requirement.type === 'meeting-frequency' ? [[r.id, r.requirement.meetingKind] as const] : [])),
);

export function meetingKindOfRule(rule: string): string | null {
  return MEETING_KIND_OF_RULE.get(rule) ?? null;
}

export function categoryOf(f: Pick<RuleFinding, 'rule' | 'family'>): DeskCategory {
  if (f.family === 'org-life') return 'meetings';
  if (CONVERSION_RULES.has(f.rule)) return 'conversion';
  if (f.family === 'development') return 'development';
  if (f.rule.startsWith('members.dues')) return 'dues';
  if (f.family === 'members') return 'members';
  if (f.rule.startsWith('tasks.')) return 'tasks';
  if (f.rule.startsWith('rectification.')) return 'rectification';
  if (f.family === 'org-setup') return 'setup';
  if (f.rule.startsWith('disclosure.')) return 'disclosure';
  return 'other';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

export interface Deadline {
  text: string;
  /** Past its deadline (or a duty already missed): shown in red. */
  late: boolean;
}

/** The deadline in words, counted from today: 已逾期3天, 今天到期, 还有5天; a missed duty without a date is 未落实. */
export function deadlineText(f: Pick<RuleFinding, 'dueOn' | 'status'>, today: string): Deadline {
  if (!f.dueOn) return f.status === 'upcoming' ? { text: '即将到期', late: false } : { text: f.status === 'missed' ? '未落实' : '已逾期', late: true };
  const days = daysBetween(today, f.dueOn);
  if (days < 0) return { text: `已逾期${-days}天`, late: true };
  if (days === 0) return { text: '今天到期', late: f.status !== 'upcoming' };
  return { text: `还有${days}天`, late: f.status === 'overdue' || f.status === 'missed' };
}

export interface DeskAction {
  label: string;
  /** A path with its query: where the item is done. */
  to: string;
}

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Where the item is done, for the organization it is about. */
export function actionOf(f: Pick<RuleFinding, 'rule' | 'family' | 'org' | 'person'>): DeskAction {
  const kind = meetingKindOfRule(f.rule);
  if (kind) return { label: '登记会议', to: withQuery('/meetings/new', { org: f.org, kind }) };
  switch (categoryOf(f)) {
    case 'meetings':
      return { label: '查看会议', to: withQuery('/meetings', { org: f.org }) };
    case 'development':
      return { label: '办理发展步骤', to: withQuery('/development', { org: f.org }) };
    case 'conversion':
      return { label: '办理转正', to: withQuery('/development', { org: f.org }) };
    case 'dues':
      return { label: '查看党费', to: withQuery('/members', { org: f.org, name: f.person }) };
    case 'members':
      return f.rule === 'members.training-hours'
        ? { label: '登记学习培训', to: withQuery('/records', { org: f.org }) }
        : { label: '查看党员', to: withQuery('/members', { org: f.org, name: f.person }) };
    case 'tasks':
      return { label: '办理任务', to: withQuery('/records', { org: f.org }) };
    case 'rectification':
      return { label: '办理整改', to: withQuery('/problems', { org: f.org }) };
    case 'disclosure':
      return { label: '登记公开', to: withQuery('/records', { org: f.org }) };
    default:
      return { label: '查看通报', to: withQuery('/compliance', { org: f.org }) };
  }
}

export interface DeskGroup {
  category: DeskCategory;
  label: string;
  items: RuleFinding[];
  late: number;
}

/** Soonest deadline first (items without one last), then by organization code. */
export function byDeadline(a: RuleFinding, b: RuleFinding): number {
  return (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.org.localeCompare(b.org);
}

/** The items by category, in the desk's order, each sorted by deadline; empty categories left out. */
export function groupDue(items: readonly RuleFinding[], today: string): DeskGroup[] {
  const by = new Map<DeskCategory, RuleFinding[]>();
  for (const f of items) {
    const c = categoryOf(f);
    const list = by.get(c);
    if (list) list.push(f);
    else by.set(c, [f]);
  }
  return CATEGORY_ORDER.filter((c) => by.has(c)).map((c) => {
    const list = by.get(c)!.sort(byDeadline);
    return { category: c, label: CATEGORY_LABELS[c], items: list, late: list.filter((f) => deadlineText(f, today).late).length };
  });
}

/**
 * The organization's own items: its own and those of its 党小组 (a branch's party groups are part of the branch's work);
 * `own` lists the codes that count as its own.
 */
export function ownItems(items: readonly RuleFinding[], own: ReadonlySet<string>): RuleFinding[] {
  return items.filter((f) => own.has(f.org));
}
