/**
 * The pure parts of the audit page: names of actions, record types and fields as people read them, the masked diff of
 * an entry as rows (before → after), times in China time, and the filters as the API's query.
 */
import { ROLE_LABELS } from '../../../../src/modules/access/actor.js';
import type { AuditAction, AuditEntryView, AuditQuery, Role } from '../../lib/types';

/**
 * The actions for the filter. The server's ACTION_LABELS (src/modules/audit/audit.schema.ts) sit in a module that
 * brings zod into the bundle; typed by the server's AuditAction, this list stops compiling when an action is added.
 * Each entry the API returns carries its own actionLabel, shown in the table.
 */
export const ACTION_LABELS: Record<AuditAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  move: '调整隶属关系',
  transfer: '组织关系转接',
  leave: '离开',
  import: '导入',
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  permission_change: '权限变更',
  password_change: '修改密码',
  token_create: '创建接口令牌',
  token_revoke: '吊销接口令牌',
  view_personal_data: '查看完整个人信息',
  account_locked: '账号锁定',
};

/** The record types the services write to the log (appendAudit's recordType), in Chinese. */
export const RECORD_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  api_token: '接口令牌',
  organization: '组织',
  member: '党员',
  development: '发展党员',
  meeting: '组织生活',
  workbook: '工作簿',
  dues_base: '党费基数',
  dues_approval: '党费审批',
  dues_payment: '党费缴纳',
  study_record: '学习记录',
  training: '培训班',
  training_attendance: '参训人员',
  service_record: '服务记录',
  community_report: '到社区报到',
  service_team: '服务队伍',
  service_team_member: '队伍人员',
  honor: '表彰',
  donation: '捐款',
  responsibility_list: '责任清单',
  list_item: '清单事项',
  task: '任务',
  task_event: '任务记录',
  inspection: '巡察督查',
  problem: '整改问题',
  rating: '分类定级',
  rating_scheme: '定级方案',
  weak_org_case: '软弱涣散整顿',
  designation: '命名表彰',
  disclosure_item: '公开目录',
  disclosure: '公开记录',
  cadre_event: '干部工作',
  publication: '宣传报道',
  figure_set: '手工填报',
  rule_setting: '规则设置',
};

export function recordTypeLabel(type: string): string {
  return RECORD_TYPE_LABELS[type] ?? type;
}

/** Field names that recur across records; any other field is shown as the server wrote it. */
const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  orgCode: '组织代码',
  orgName: '组织名称',
  roles: '角色',
  disabled: '是否停用',
  mustChangePassword: '首次登录须修改密码',
  name: '名称/姓名',
  code: '组织代码',
  parentCode: '上级组织代码',
  kind: '类别',
  idNumber: '公民身份号码',
  phone: '手机号码',
  gender: '性别',
  birthDate: '出生日期',
  status: '状态',
  joinedOn: '入党日期',
  confirmedOn: '转正日期',
  heldOn: '日期',
  topic: '主题',
  note: '备注',
};

/** A field's Chinese name alone, for a one-line summary. */
export function shortFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** One line for the list: the note when there is one, else how many fields changed and which. */
export function entrySummary(e: Pick<AuditEntryView, 'note' | 'changes'>): string {
  if (e.note) return e.note;
  const fields = Object.keys(e.changes ?? {});
  if (fields.length === 0) return '—';
  const shown = fields.slice(0, 4).map(shortFieldLabel).join('、');
  return `${fields.length}个字段：${shown}${fields.length > 4 ? '等' : ''}`;
}

export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field];
  return label ? `${label}（${field}）` : field;
}

/** A value of the diff as text: empty as —, 是/否, roles by name, lists joined, objects as JSON. */
export function displayValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (field === 'roles' && Array.isArray(v)) return v.length === 0 ? '（无角色）' : v.map((r) => ROLE_LABELS[r as Role] ?? String(r)).join('、');
  if (Array.isArray(v) && v.length === 0) return '—';
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object' || x === null) ? v.map(String).join('、') : JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export interface ChangeRow {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The diff of an entry (personal data already masked by the server when it was written), one row per field. */
export function changeRows(changes: AuditEntryView['changes']): ChangeRow[] {
  if (!changes) return [];
  return Object.entries(changes).map(([field, [before, after]]) => ({
    field,
    label: fieldLabel(field),
    before: displayValue(field, before),
    after: displayValue(field, after),
  }));
}

/** A stored instant (ISO 8601, UTC) in China time: 2026年3月5日 14:03:12. */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const s = new Date(ms + 8 * 3600_000).toISOString();
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 19)}`;
}

export interface AuditFilters {
  user?: string;
  recordType?: string;
  recordId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** GET /api/audit's query (the server's AuditQuery, with its page as numbers). */
export type AuditApiQuery = Omit<AuditQuery, 'limit' | 'offset'> & { limit?: number; offset?: number };

/** The filters as the API's query: trimmed, empty ones left out. */
export function auditQuery(f: AuditFilters, page?: { limit: number; offset: number }): AuditApiQuery {
  const q: AuditApiQuery = {};
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  if (text(f.user)) q.user = text(f.user);
  if (text(f.recordType)) q.recordType = text(f.recordType);
  if (text(f.recordId)) q.recordId = text(f.recordId);
  if (f.action) q.action = f.action;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (page) Object.assign(q, page);
  return q;
}
