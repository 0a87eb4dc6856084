/**
 * The work ledgers (工作台账) as data: for each, its lists (API path, the filters the route takes, the columns, the
 * detail route and the tables inside a detail) and the create form of its main record kinds. Field names are checked
 * against the server's view and input types (type-only imports), so a renamed field stops the build.
 * Routes and fields: src/modules/<ledger>/<ledger>.routes.ts and *.schema.ts.
 */
import {
  CADRE_EVENT_KINDS,
  DESIGNATION_ACTIONS,
  DESIGNATION_KINDS,
  DISCLOSURE_CATEGORIES,
  EDUCATIONS,
  HONOR_KINDS,
  INSPECTION_KINDS,
  LEVELS,
  LIST_KINDS,
  MEDIUM_LEVELS,
  PUBLICATION_FORMS,
  RECIPIENT_KINDS,
  SERVICE_KINDS,
  SERVICE_STATUSES,
  STUDY_KINDS,
  TASK_STATUSES,
  TEAM_KINDS,
  TRAINING_AUDIENCES,
  TRAINING_KINDS,
  WEAK_CASE_SOURCES,
  WEAK_CASE_STATUSES,
} from '../../../../src/shared/vocab';
import type {
  CadreEventInput,
  CadreEventView,
  DesignationInput,
  DesignationView,
  DisclosureInput,
  DisclosureView,
  DonationInput,
  DonationView,
  FigureSetInput,
  FigureSetRecordView,
  HonorInput,
  HonorView,
  InspectionInput,
  InspectionView,
  ListInput,
  ListView,
  PublicationInput,
  PublicationView,
  RatingInput,
  RatingView,
  ServiceRecordInput,
  ServiceRecordView,
  ServiceTeamInput,
  ServiceTeamView,
  StudyRecordInput,
  StudyRecordView,
  TaskInput,
  TaskView,
  TrainingInput,
  TrainingView,
  WeakCaseInput,
  WeakCaseView,
  HonorPatch,
  HonorRevokeInput,
  InspectionPatch,
  ListPatch,
  RatingDecision,
  RecordAction,
  ServiceRecordPatch,
  TaskPatch,
  TrainingPatch,
  WeakCaseStep,
} from '../../lib/types';
import { YES_NO, type FieldSpec } from './form-fields';

export type ColumnKind = 'text' | 'date' | 'bool' | 'long' | 'number';

export interface ColumnSpec<Row = Record<string, unknown>> {
  title: string;
  field: keyof Row & string;
  kind?: ColumnKind;
  /** The cell's text when it is not the field itself. */
  text?: (row: Row) => string;
  /** Text in place of true / false (原创 / 转载). */
  boolText?: [string, string];
}

/** A table inside a detail (a training's attendance, a task's events, a set's values). */
export interface DetailTable {
  field: string;
  title: string;
  columns: ColumnSpec[];
}

type InputField<Input> = Omit<FieldSpec, 'field'> & { field: (keyof Input & string) | `${keyof Input & string}.${string}` };

/**
 * A create form of its own, for what a description cannot hold, by a key LedgerList looks up (ledgers stay data):
 * 'rating' — the self-assessment, whose score fields follow the chosen scheme (RatingForm.tsx).
 */
export type CreateComponent = 'rating';

export interface CreateSpec<Input = Record<string, unknown>> {
  /** The button and the drawer title: 登记志愿服务等服务记录. */
  title: string;
  /** POST here (the list's path unless given). */
  path?: string;
  /** The fields; with `component`, the described ones that component renders beside its own. */
  fields: InputField<Input>[];
  component?: CreateComponent;
}

/**
 * What can be done to one record, shown in its detail when the server lists the action in the record's `actions`
 * (src/modules/access/record-actions.ts): a correcting form (PATCH, prefilled from the record, only changes sent), a
 * form of its own (撤销: date and reason), or a confirmed request (删除).
 */
export interface RecordActionSpec<Body = Record<string, unknown>> {
  action: RecordAction;
  /** The button and the form's title: 修改, 撤销荣誉, 删除. */
  title: string;
  method: 'PATCH' | 'POST' | 'DELETE';
  /** `:id` replaced by the record's id. */
  path: string;
  /** A form's fields (prefilled from the record for PATCH); none means a confirmed request. */
  fields?: InputField<Body>[];
  /** Whether the form starts from the record's own values (always for PATCH; e.g. revising a 整顿方案). */
  prefill?: boolean;
  /** The confirmation question of a request without a form. */
  confirm?: string;
  danger?: boolean;
}

export interface ListSpec<Row = Record<string, unknown>, Input = Record<string, unknown>> {
  key: string;
  /** The list's name (a tab of the ledger). */
  title: string;
  /** GET (paged: limit, offset; the chosen organization as org). */
  path: string;
  /** What one record is called, for the empty state. */
  noun: string;
  filters: FieldSpec[];
  columns: ColumnSpec<Row>[];
  /** GET the detail here (`:id` replaced); the row itself is shown otherwise. */
  detailPath?: string;
  /** Fields of the detail beyond the columns. */
  detailExtra?: ColumnSpec<Row>[];
  detailTables?: DetailTable[];
  create?: CreateSpec<Input>;
  /** What can be done to a record, by the server's allowed actions. */
  actions?: RecordActionSpec[];
  /** A line under the table from the whole answer (e.g. the donations' total amount). */
  summary?: (page: Record<string, unknown>) => string | null;
}

export interface LedgerSpec {
  key: string;
  title: string;
  lists: ListSpec[];
}

/** Erases an action's body type once its field names have been checked against it. */
function act<Body>(spec: RecordActionSpec<Body>): RecordActionSpec {
  return spec as unknown as RecordActionSpec;
}

export function actionPathOf(spec: RecordActionSpec, id: number | string): string {
  return spec.path.replace(':id', encodeURIComponent(String(id)));
}

/** Erases a list's row and input types once its field names have been checked against them. */
function list<Row, Input = Record<string, unknown>>(spec: ListSpec<Row, Input>): ListSpec {
  return spec as unknown as ListSpec;
}

const from: FieldSpec = { label: '起始日期', field: 'from', type: 'date' };
const to: FieldSpec = { label: '截止日期', field: 'to', type: 'date' };
const note = { label: '备注', field: 'note', type: 'textarea' } as const;
const orgName = { title: '组织', field: 'orgName', kind: 'long' } as const;

export const LEDGERS: LedgerSpec[] = [
  {
    key: 'study',
    title: '学习培训',
    lists: [
      list<StudyRecordView, StudyRecordInput>({
        key: 'records',
        title: '学习记录',
        path: '/study/records',
        noun: '学习记录',
        filters: [{ label: '类别', field: 'kind', type: 'select', options: STUDY_KINDS }, from, to],
        columns: [
          { title: '学习日期', field: 'studiedOn', kind: 'date' },
          { title: '党员', field: 'name' },
          orgName,
          { title: '类别', field: 'kind' },
          { title: '学习内容', field: 'title', kind: 'long' },
          { title: '学时', field: 'hours' },
          { title: '积分', field: 'points', kind: 'number' },
        ],
        detailExtra: [{ title: '来源', field: 'source' }],
        create: {
          title: '登记党员学习',
          fields: [
            { label: '党员', field: 'memberId', type: 'member', required: true },
            { label: '学习日期', field: 'studiedOn', type: 'date', required: true, initial: 'today' },
            { label: '类别', field: 'kind', type: 'select', options: STUDY_KINDS, required: true },
            { label: '学习内容', field: 'title', type: 'text', required: true },
            { label: '学时（小时）', field: 'hours', type: 'number', required: true, help: '最多一位小数，每满半小时积1分，每人每日最多8分' },
            { label: '来源', field: 'source', type: 'text', placeholder: '如 学习强国、党员教育平台' },
          ],
        },
        actions: [
          { action: 'delete', title: '删除', method: 'DELETE', path: '/study/records/:id', danger: true, confirm: '确定删除这条误登记的学习记录吗？删除记入审计日志。' },
        ],
      }),
      list<TrainingView, TrainingInput>({
        key: 'trainings',
        title: '教育培训',
        path: '/trainings',
        noun: '培训',
        filters: [
          { label: '统计期', field: 'period', type: 'period' },
          { label: '类别', field: 'kind', type: 'select', options: TRAINING_KINDS },
          { label: '培训对象', field: 'audience', type: 'select', options: TRAINING_AUDIENCES },
          { label: '集中培训', field: 'concentrated', type: 'select', ...YES_NO },
        ],
        columns: [
          { title: '开始日期', field: 'startOn', kind: 'date' },
          { title: '培训名称', field: 'title', kind: 'long' },
          { title: '主办组织', field: 'orgName', kind: 'long' },
          { title: '类别', field: 'kind' },
          { title: '培训对象', field: 'audience' },
          { title: '学时', field: 'hours' },
          { title: '参训党员', field: 'attendees', kind: 'number' },
        ],
        detailPath: '/trainings/:id',
        detailExtra: [
          { title: '结束日期', field: 'endOn', kind: 'date' },
          { title: '层级', field: 'level' },
          { title: '主题', field: 'subject' },
          { title: '集中培训', field: 'concentrated', kind: 'bool' },
          { title: '参加人数', field: 'audienceCount', kind: 'number' },
          { title: '备注', field: 'note' },
        ],
        detailTables: [
          {
            field: 'attendance',
            title: '参训党员',
            columns: [
              { title: '姓名', field: 'name' },
              { title: '所在组织', field: 'orgName', kind: 'long' },
              { title: '学时', field: 'hours' },
              { title: '已完成', field: 'completed', kind: 'bool' },
            ],
          },
        ],
        create: {
          title: '登记培训',
          fields: [
            { label: '主办组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '培训名称', field: 'title', type: 'text', required: true },
            { label: '类别', field: 'kind', type: 'select', options: TRAINING_KINDS, required: true },
            { label: '层级', field: 'level', type: 'select', options: LEVELS, required: true },
            { label: '培训对象', field: 'audience', type: 'select', options: TRAINING_AUDIENCES, required: true },
            { label: '主题', field: 'subject', type: 'text' },
            { label: '开始日期', field: 'startOn', type: 'date', required: true, initial: 'today' },
            { label: '结束日期', field: 'endOn', type: 'date', required: true, initial: 'today' },
            { label: '学时（小时）', field: 'hours', type: 'number', required: true },
            { label: '集中培训', field: 'concentrated', type: 'bool', initial: 'false' },
            { label: '参加人数', field: 'audienceCount', type: 'number' },
            note,
          ],
        },
        actions: [
          act<TrainingPatch>({
            action: 'update',
            title: '修改',
            method: 'PATCH',
            path: '/trainings/:id',
            fields: [
              { label: '培训名称', field: 'title', type: 'text', required: true },
              { label: '类别', field: 'kind', type: 'select', options: TRAINING_KINDS, required: true },
              { label: '层级', field: 'level', type: 'select', options: LEVELS, required: true },
              { label: '培训对象', field: 'audience', type: 'select', options: TRAINING_AUDIENCES, required: true },
              { label: '主题', field: 'subject', type: 'text' },
              { label: '开始日期', field: 'startOn', type: 'date', required: true },
              { label: '结束日期', field: 'endOn', type: 'date', required: true },
              { label: '学时（小时）', field: 'hours', type: 'number', required: true },
              { label: '集中培训', field: 'concentrated', type: 'bool' },
              { label: '参加人数', field: 'audienceCount', type: 'number' },
              note,
            ],
          }),
        ],
      }),
    ],
  },
  {
    key: 'service',
    title: '服务',
    lists: [
      list<ServiceRecordView, ServiceRecordInput>({
        key: 'records',
        title: '服务记录',
        path: '/service/records',
        noun: '服务记录',
        filters: [
          { label: '类别', field: 'kind', type: 'select', options: SERVICE_KINDS },
          { label: '办理状态', field: 'status', type: 'select', options: SERVICE_STATUSES },
          from,
          to,
        ],
        columns: [
          { title: '日期', field: 'happenedOn', kind: 'date' },
          { title: '类别', field: 'kind' },
          { title: '标题', field: 'title', kind: 'long' },
          { title: '党员', field: 'memberName' },
          orgName,
          { title: '办理状态', field: 'status' },
          { title: '时长（小时）', field: 'hours' },
        ],
        detailPath: '/service/records/:id',
        detailExtra: [
          { title: '具体类型', field: 'category' },
          { title: '办结日期', field: 'doneOn', kind: 'date' },
          { title: '服务对象人数', field: 'beneficiaries', kind: 'number' },
          { title: '备注', field: 'note' },
        ],
        create: {
          title: '登记服务记录',
          fields: [
            { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '类别', field: 'kind', type: 'select', options: SERVICE_KINDS, required: true },
            { label: '标题', field: 'title', type: 'text', required: true, placeholder: '如 清理河道垃圾、帮助孤寡老人收玉米' },
            { label: '日期', field: 'happenedOn', type: 'date', required: true, initial: 'today' },
            { label: '党员', field: 'memberId', type: 'member', help: '由某名党员办理或参加时选择' },
            { label: '具体类型', field: 'category', type: 'text', placeholder: '如 邻里纠纷' },
            { label: '办理状态', field: 'status', type: 'select', options: SERVICE_STATUSES, help: '志愿服务不填即为已办结' },
            { label: '办结日期', field: 'doneOn', type: 'date' },
            { label: '服务时长（小时）', field: 'hours', type: 'number', help: '志愿服务填写，最多两位小数' },
            { label: '服务对象人数', field: 'beneficiaries', type: 'number' },
            note,
          ],
        },
        actions: [
          act<ServiceRecordPatch>({
            action: 'update',
            title: '修改',
            method: 'PATCH',
            path: '/service/records/:id',
            fields: [
              { label: '标题', field: 'title', type: 'text', required: true },
              { label: '日期', field: 'happenedOn', type: 'date', required: true },
              { label: '具体类型', field: 'category', type: 'text' },
              { label: '办理状态', field: 'status', type: 'select', options: SERVICE_STATUSES, required: true },
              { label: '办结日期', field: 'doneOn', type: 'date', help: '已办结须填写' },
              { label: '重新办理', field: 'reopen', type: 'bool', help: '已办结的记录改回办理中时选“是”' },
              { label: '服务时长（小时）', field: 'hours', type: 'number' },
              { label: '服务对象人数', field: 'beneficiaries', type: 'number' },
              note,
            ],
          }),
          { action: 'delete', title: '删除', method: 'DELETE', path: '/service/records/:id', danger: true, confirm: '确定删除这条误登记的服务记录吗？删除记入审计日志。' },
        ],
      }),
      list<ServiceTeamView, ServiceTeamInput>({
        key: 'teams',
        title: '服务队伍',
        path: '/service/teams',
        noun: '服务队伍',
        filters: [{ label: '类别', field: 'kind', type: 'select', options: TEAM_KINDS }],
        columns: [
          { title: '名称', field: 'name', kind: 'long' },
          { title: '类别', field: 'kind' },
          orgName,
          { title: '成立日期', field: 'establishedOn', kind: 'date' },
          { title: '现有人数', field: 'headCount', kind: 'number' },
          { title: '其中党员', field: 'memberCount', kind: 'number' },
        ],
        detailPath: '/service/teams/:id',
        detailExtra: [
          { title: '群众志愿者', field: 'publicCount', kind: 'number' },
          { title: '撤销日期', field: 'dissolvedOn', kind: 'date' },
          { title: '备注', field: 'note' },
        ],
        detailTables: [
          {
            field: 'people',
            title: '队员',
            columns: [
              { title: '姓名', field: 'name' },
              { title: '党员', field: 'isMember', kind: 'bool' },
              { title: '加入日期', field: 'joinedOn', kind: 'date' },
              { title: '退出日期', field: 'leftOn', kind: 'date' },
            ],
          },
        ],
        create: {
          title: '组建服务队伍',
          fields: [
            { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '类别', field: 'kind', type: 'select', options: TEAM_KINDS, required: true },
            { label: '名称', field: 'name', type: 'text', required: true },
            { label: '成立日期', field: 'establishedOn', type: 'date', required: true, initial: 'today' },
            note,
          ],
        },
      }),
    ],
  },
  {
    key: 'honors',
    title: '表彰',
    lists: [
      list<HonorView, HonorInput>({
        key: 'honors',
        title: '表彰和选树',
        path: '/honors',
        noun: '荣誉记录',
        filters: [
          { label: '荣誉类别', field: 'kind', type: 'select', options: HONOR_KINDS },
          { label: '授予对象', field: 'recipientKind', type: 'select', options: RECIPIENT_KINDS },
          { label: '荣誉称号', field: 'title', type: 'text' },
          { label: '级别', field: 'level', type: 'select', options: LEVELS },
          from,
          to,
        ],
        columns: [
          { title: '授予日期', field: 'awardedOn', kind: 'date' },
          { title: '荣誉称号', field: 'title', kind: 'long' },
          { title: '授予对象', field: 'recipientName', kind: 'long' },
          { title: '对象类别', field: 'recipientKind' },
          { title: '类别', field: 'kind' },
          { title: '级别', field: 'level' },
          { title: '状态', field: 'status' },
        ],
        detailPath: '/honors/:id',
        detailExtra: [
          { title: '授予机关', field: 'awardedBy' },
          { title: '登记组织', field: 'orgName' },
          { title: '撤销日期', field: 'revokedOn', kind: 'date' },
          { title: '备注', field: 'note' },
        ],
        create: {
          title: '登记荣誉',
          fields: [
            { label: '荣誉类别', field: 'kind', type: 'select', options: HONOR_KINDS, required: true },
            { label: '授予对象类别', field: 'recipientKind', type: 'select', options: RECIPIENT_KINDS, required: true },
            { label: '党员', field: 'memberId', type: 'member', help: '授予本组织党员个人时选择' },
            { label: '授予对象名称', field: 'recipientName', type: 'text', help: '非党员个人、系统外集体或家庭按名称登记' },
            { label: '登记组织', field: 'orgCode', type: 'org', help: '按名称登记时填写；选择党员时可不填' },
            { label: '荣誉称号', field: 'title', type: 'text', required: true, placeholder: '如 优秀共产党员' },
            { label: '荣誉级别', field: 'level', type: 'select', options: LEVELS, required: true },
            { label: '授予机关', field: 'awardedBy', type: 'text', required: true },
            { label: '授予日期', field: 'awardedOn', type: 'date', required: true, initial: 'today' },
            note,
          ],
        },
        actions: [
          act<HonorPatch>({
            action: 'update',
            title: '更正',
            method: 'PATCH',
            path: '/honors/:id',
            fields: [
              { label: '荣誉类别', field: 'kind', type: 'select', options: HONOR_KINDS, required: true },
              { label: '授予对象名称', field: 'recipientName', type: 'text', required: true, help: '授予对象本身（党员或组织）不在此修改' },
              { label: '荣誉称号', field: 'title', type: 'text', required: true },
              { label: '荣誉级别', field: 'level', type: 'select', options: LEVELS, required: true },
              { label: '授予机关', field: 'awardedBy', type: 'text', required: true },
              { label: '授予日期', field: 'awardedOn', type: 'date', required: true },
              note,
            ],
          }),
          act<HonorRevokeInput>({
            action: 'revoke',
            title: '撤销荣誉',
            method: 'POST',
            path: '/honors/:id/revoke',
            danger: true,
            fields: [
              { label: '撤销日期', field: 'revokedOn', type: 'date', required: true, initial: 'today' },
              { label: '撤销原因', field: 'reason', type: 'textarea' },
            ],
          }),
        ],
      }),
    ],
  },
  {
    key: 'donations',
    title: '捐款',
    lists: [
      list<DonationView, DonationInput>({
        key: 'donations',
        title: '党员自愿捐款',
        path: '/donations',
        noun: '捐款记录',
        filters: [{ label: '捐款活动', field: 'campaign', type: 'text' }, from, to],
        columns: [
          { title: '捐款日期', field: 'donatedOn', kind: 'date' },
          { title: '党员', field: 'name' },
          orgName,
          { title: '捐款活动', field: 'campaign', kind: 'long' },
          { title: '金额（元）', field: 'amount' },
        ],
        detailExtra: [{ title: '备注', field: 'note' }],
        summary: (page) => (typeof page.totalAmount === 'string' ? `符合条件的捐款合计 ${page.totalAmount} 元` : null),
        create: {
          title: '登记捐款',
          fields: [
            { label: '党员', field: 'memberId', type: 'member', required: true },
            { label: '捐款活动', field: 'campaign', type: 'text', required: true, placeholder: '如 抗洪救灾特殊党费' },
            { label: '捐款日期', field: 'donatedOn', type: 'date', required: true, initial: 'today' },
            { label: '捐款金额（元）', field: 'amount', type: 'number', required: true },
            note,
          ],
        },
        actions: [
          { action: 'delete', title: '删除', method: 'DELETE', path: '/donations/:id', danger: true, confirm: '确定删除这条误登记的捐款记录吗？删除记入审计日志。' },
        ],
      }),
    ],
  },
  {
    key: 'tasks',
    title: '任务',
    lists: [
      list<TaskView, TaskInput>({
        key: 'tasks',
        title: '任务',
        path: '/tasks',
        noun: '任务',
        filters: [
          { label: '年度', field: 'year', type: 'year' },
          { label: '状态', field: 'status', type: 'select', options: [...TASK_STATUSES, '未完成', '逾期'] },
          { label: '分类', field: 'category', type: 'text' },
          { label: '完成时限起', field: 'from', type: 'date' },
          { label: '完成时限止', field: 'to', type: 'date' },
        ],
        columns: [
          { title: '完成时限', field: 'deadline', kind: 'date' },
          { title: '任务', field: 'title', kind: 'long' },
          { title: '责任组织', field: 'orgName', kind: 'long' },
          { title: '责任人', field: 'ownerName' },
          { title: '交办组织', field: 'assignedByName', kind: 'long' },
          { title: '状态', field: 'state' },
          { title: '进度', field: 'percent', text: (r) => (r.percent === null ? '' : `${r.percent}%`) },
        ],
        detailPath: '/tasks/:id',
        detailExtra: [
          { title: '分类', field: 'category' },
          { title: '开始日期', field: 'startOn', kind: 'date' },
          { title: '完成日期', field: 'completedOn', kind: 'date' },
          { title: '备注', field: 'note' },
        ],
        detailTables: [
          {
            field: 'events',
            title: '进展和督办',
            columns: [
              { title: '日期', field: 'happenedOn', kind: 'date' },
              { title: '类别', field: 'kind' },
              { title: '内容', field: 'content', kind: 'long' },
              { title: '进度', field: 'percent', text: (r) => (r.percent === null || r.percent === undefined ? '' : `${String(r.percent)}%`) },
              { title: '办理人', field: 'actor' },
            ],
          },
        ],
        create: {
          title: '交办任务',
          fields: [
            { label: '交办组织', field: 'assignedByCode', type: 'org', required: true, initial: 'org' },
            { label: '责任组织', field: 'orgCode', type: 'org', required: true, initial: 'org', help: '交办组织本身或其下级' },
            { label: '任务', field: 'title', type: 'text', required: true },
            { label: '分类', field: 'category', type: 'text', placeholder: '如 书记项目、包联支部' },
            { label: '责任人', field: 'ownerName', type: 'text', required: true },
            { label: '开始日期', field: 'startOn', type: 'date', required: true, initial: 'today' },
            { label: '完成时限', field: 'deadline', type: 'date', required: true },
            note,
          ],
        },
        actions: [
          act<TaskPatch>({
            action: 'update',
            title: '修改或取消',
            method: 'PATCH',
            path: '/tasks/:id',
            fields: [
              { label: '任务', field: 'title', type: 'text', required: true },
              { label: '分类', field: 'category', type: 'text' },
              { label: '责任人', field: 'ownerName', type: 'text', required: true },
              { label: '开始日期', field: 'startOn', type: 'date', required: true },
              { label: '完成时限', field: 'deadline', type: 'date', required: true },
              { label: '状态', field: 'status', type: 'select', options: TASK_STATUSES, required: true, help: '取消任务选“已取消”' },
              { label: '完成日期', field: 'completedOn', type: 'date', help: '状态为已完成时填写' },
              note,
            ],
          }),
        ],
      }),
      list<ListView, ListInput>({
        key: 'lists',
        title: '责任清单',
        path: '/lists',
        noun: '清单',
        filters: [
          { label: '年度', field: 'year', type: 'year' },
          { label: '类别', field: 'kind', type: 'select', options: LIST_KINDS },
        ],
        columns: [
          { title: '年度', field: 'year' },
          { title: '类别', field: 'kind' },
          { title: '标题', field: 'title', kind: 'long' },
          orgName,
          { title: '印发日期', field: 'issuedOn', kind: 'date' },
          { title: '事项数', field: 'itemCount', kind: 'number' },
        ],
        detailPath: '/lists/:id',
        detailExtra: [{ title: '备注', field: 'note' }],
        detailTables: [
          {
            field: 'items',
            title: '清单事项',
            columns: [
              { title: '序号', field: 'seq' },
              { title: '内容', field: 'content', kind: 'long' },
              { title: '分类', field: 'category' },
              { title: '分解任务', field: 'tasks', text: (r) => String(Array.isArray(r.tasks) ? r.tasks.length : 0) },
            ],
          },
        ],
        create: {
          title: '登记清单',
          fields: [
            { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '年度', field: 'year', type: 'year', required: true, initial: 'year' },
            { label: '类别', field: 'kind', type: 'select', options: LIST_KINDS, required: true },
            { label: '标题', field: 'title', type: 'text', required: true },
            { label: '印发日期', field: 'issuedOn', type: 'date' },
            note,
          ],
        },
        actions: [
          act<ListPatch>({
            action: 'update',
            title: '更正',
            method: 'PATCH',
            path: '/lists/:id',
            fields: [
              { label: '年度', field: 'year', type: 'year', required: true },
              { label: '类别', field: 'kind', type: 'select', options: LIST_KINDS, required: true },
              { label: '标题', field: 'title', type: 'text', required: true },
              { label: '印发日期', field: 'issuedOn', type: 'date' },
              note,
            ],
          }),
        ],
      }),
    ],
  },
  {
    key: 'inspections',
    title: '巡察督查',
    lists: [
      list<InspectionView, InspectionInput>({
        key: 'inspections',
        title: '巡察督查',
        path: '/inspections',
        noun: '巡察（督查）',
        filters: [{ label: '类别', field: 'kind', type: 'select', options: INSPECTION_KINDS }, from, to],
        columns: [
          { title: '开始日期', field: 'startOn', kind: 'date' },
          { title: '结束日期', field: 'endOn', kind: 'date' },
          { title: '名称', field: 'title', kind: 'long' },
          { title: '类别', field: 'kind' },
          { title: '开展组织', field: 'orgName', kind: 'long' },
          { title: '对象数', field: 'targets', text: (r) => String(r.targets.length) },
        ],
        detailPath: '/inspections/:id',
        detailExtra: [
          { title: '轮次', field: 'roundNo', kind: 'number' },
          { title: '移交问题线索', field: 'cluesTransferred', kind: 'number' },
          { title: '发出通报文书', field: 'noticesIssued', kind: 'number' },
          { title: '备注', field: 'note' },
        ],
        detailTables: [
          {
            field: 'targets',
            title: '对象',
            columns: [
              { title: '对象名称', field: 'unitName', kind: 'long' },
              { title: '对象类别', field: 'unitKind' },
            ],
          },
          {
            field: 'problems',
            title: '发现的问题',
            columns: [
              { title: '问题', field: 'description', kind: 'long' },
              { title: '责任组织', field: 'orgName', kind: 'long' },
              { title: '状态', field: 'stage' },
              { title: '整改时限', field: 'deadline', kind: 'date' },
            ],
          },
        ],
        create: {
          title: '登记巡察（督查）',
          fields: [
            { label: '开展组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '类别', field: 'kind', type: 'select', options: INSPECTION_KINDS, required: true },
            { label: '名称', field: 'title', type: 'text', required: true, placeholder: '如 县委第三轮巡察' },
            { label: '轮次', field: 'roundNo', type: 'number' },
            { label: '开始日期', field: 'startOn', type: 'date', required: true, initial: 'today' },
            { label: '结束日期', field: 'endOn', type: 'date', required: true },
            { label: '移交问题线索数', field: 'cluesTransferred', type: 'number' },
            { label: '发出通报文书数', field: 'noticesIssued', type: 'number' },
            note,
          ],
        },
        actions: [
          act<InspectionPatch>({
            action: 'update',
            title: '更正',
            method: 'PATCH',
            path: '/inspections/:id',
            fields: [
              { label: '类别', field: 'kind', type: 'select', options: INSPECTION_KINDS, required: true },
              { label: '名称', field: 'title', type: 'text', required: true },
              { label: '轮次', field: 'roundNo', type: 'number' },
              { label: '开始日期', field: 'startOn', type: 'date', required: true },
              { label: '结束日期', field: 'endOn', type: 'date', required: true },
              { label: '移交问题线索数', field: 'cluesTransferred', type: 'number' },
              { label: '发出通报文书数', field: 'noticesIssued', type: 'number' },
              note,
            ],
          }),
        ],
      }),
    ],
  },
  {
    key: 'ratings',
    title: '分类定级',
    lists: [
      list<RatingView, RatingInput>({
        key: 'ratings',
        title: '分类定级',
        path: '/ratings',
        noun: '评定记录',
        filters: [
          { label: '年度', field: 'year', type: 'year' },
          { label: '等次', field: 'grade', type: 'text' },
          { label: '已评定', field: 'decided', type: 'select', ...YES_NO },
        ],
        columns: [
          { title: '年度', field: 'year' },
          orgName,
          { title: '评定方案', field: 'schemeName', kind: 'long' },
          { title: '自评得分', field: 'selfScore', kind: 'number' },
          { title: '计算等次', field: 'computedGrade' },
          { title: '评定等次', field: 'finalGrade' },
          { title: '状态', field: 'status' },
        ],
        detailPath: '/ratings/:id',
        detailExtra: [
          { title: '自评等次', field: 'selfGrade' },
          { title: '评定得分', field: 'finalScore', kind: 'number' },
          { title: '党员评议得分', field: 'memberScore', kind: 'number' },
          { title: '群众满意率（%）', field: 'publicSatisfaction', kind: 'number' },
          { title: '等次说明', field: 'gradeReasons', text: (r) => r.gradeReasons.join('；') },
          { title: '评定日期', field: 'decidedOn', kind: 'date' },
          { title: '备注', field: 'note' },
        ],
        detailTables: [
          {
            field: 'selfScores',
            title: '自评各项得分',
            columns: [
              { title: '指标', field: 'name' },
              { title: '满分', field: 'max', kind: 'number' },
              { title: '得分', field: 'score', kind: 'number' },
            ],
          },
        ],
        create: {
          title: '登记自评',
          component: 'rating',
          // The scores, veto items and required items follow the chosen scheme: RatingForm adds them after 评定方案.
          fields: [
            { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '年度', field: 'year', type: 'year', required: true, initial: 'year' },
            {
              label: '评定方案',
              field: 'schemeCode',
              type: 'remote',
              required: true,
              remote: { path: '/rating-schemes', value: 'code', label: (r) => `${String(r.name)}（${String(r.kind)}）` },
            },
            { label: '党员评议得分', field: 'memberScore', type: 'number' },
            { label: '群众满意率（%）', field: 'publicSatisfaction', type: 'number' },
            note,
          ],
        },
        actions: [
          act<RatingDecision>({
            action: 'decide',
            title: '上级评定',
            method: 'POST',
            path: '/ratings/:id/decision',
            fields: [
              { label: '评定得分', field: 'finalScore', type: 'number', help: '不填按自评得分（或已有的评定得分）' },
              { label: '评定等次', field: 'grade', type: 'text', help: '不填按计算等次；与计算等次不同的须在备注写明理由' },
              { label: '评定日期', field: 'decidedOn', type: 'date', initial: 'today' },
              note,
            ],
          }),
        ],
      }),
      list<WeakCaseView, WeakCaseInput>({
        key: 'weak',
        title: '软弱涣散整顿',
        path: '/weak-orgs',
        noun: '整顿记录',
        filters: [
          { label: '年度', field: 'year', type: 'year' },
          { label: '状态', field: 'status', type: 'select', options: WEAK_CASE_STATUSES },
          { label: '来源', field: 'source', type: 'select', options: WEAK_CASE_SOURCES },
        ],
        columns: [
          { title: '年度', field: 'year' },
          orgName,
          { title: '来源', field: 'source' },
          { title: '列入日期', field: 'flaggedOn', kind: 'date' },
          { title: '状态', field: 'status', text: (r) => (r.overdue ? `${r.status}（已逾期）` : r.status) },
          { title: '整顿责任人', field: 'leaderName' },
          { title: '整顿期限', field: 'deadline', kind: 'date' },
        ],
        detailPath: '/weak-orgs/:id',
        detailExtra: [
          { title: '认定情形', field: 'reasons', text: (r) => r.reasons.map((x) => x.text).join('；') },
          { title: '整顿方案', field: 'plan' },
          { title: '销号日期', field: 'closedOn', kind: 'date' },
          { title: '备注', field: 'note' },
        ],
        create: {
          title: '列入排查',
          fields: [
            { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '年度', field: 'year', type: 'year', required: true, initial: 'year' },
            { label: '来源', field: 'source', type: 'select', options: WEAK_CASE_SOURCES, required: true },
            {
              label: '认定情形',
              field: 'reasons.0.text',
              type: 'textarea',
              required: true,
              placeholder: '如 班子软弱、长期不开展组织生活',
              help: '几种情形可写在一起，用“；”分开，不超过300字',
            },
            // A reason's code tells the data-driven ones (数据提示) apart; one typed here is 'manual'.
            { label: '情形代码', field: 'reasons.0.code', type: 'const', value: 'manual' },
            { label: '列入日期', field: 'flaggedOn', type: 'date', initial: 'today', help: '不填为今天' },
            note,
          ],
        },
        actions: [
          act<WeakCaseStep>({
            action: 'plan',
            title: '整顿方案',
            method: 'POST',
            path: '/weak-orgs/:id/steps',
            prefill: true,
            fields: [
              { label: '步骤', field: 'step', type: 'const', value: 'plan' },
              { label: '整顿方案', field: 'plan', type: 'textarea', required: true, help: '待研判时填报即认定为软弱涣散党组织，转入整顿中；整顿中可修改' },
              { label: '整顿责任人', field: 'leaderName', type: 'text', required: true },
              { label: '整顿期限', field: 'deadline', type: 'date', required: true },
            ],
          }),
          act<WeakCaseStep>({
            action: 'dismiss',
            title: '不予认定',
            method: 'POST',
            path: '/weak-orgs/:id/steps',
            danger: true,
            fields: [
              { label: '步骤', field: 'step', type: 'const', value: 'dismiss' },
              { label: '备注', field: 'note', type: 'textarea', required: true, help: '写明不予认定的理由' },
            ],
          }),
          act<WeakCaseStep>({
            action: 'close',
            title: '销号',
            method: 'POST',
            path: '/weak-orgs/:id/steps',
            fields: [
              { label: '步骤', field: 'step', type: 'const', value: 'close' },
              { label: '销号日期', field: 'closedOn', type: 'date', required: true, initial: 'today' },
              note,
            ],
          }),
        ],
      }),
      list<DesignationView, DesignationInput>({
        key: 'designations',
        title: '示范创建',
        path: '/designations',
        noun: '命名记录',
        filters: [
          { label: '类别', field: 'kind', type: 'select', options: DESIGNATION_KINDS },
          { label: '命名方式', field: 'action', type: 'select', options: DESIGNATION_ACTIONS },
          { label: '级别', field: 'level', type: 'select', options: LEVELS },
          { label: '仅有效', field: 'active', type: 'select', ...YES_NO },
          from,
          to,
        ],
        columns: [
          { title: '命名日期', field: 'designatedOn', kind: 'date' },
          orgName,
          { title: '命名称号', field: 'title', kind: 'long' },
          { title: '类别', field: 'kind' },
          { title: '命名方式', field: 'action' },
          { title: '级别', field: 'level' },
          { title: '状态', field: 'status' },
        ],
        detailPath: '/designations/:id',
        detailExtra: [
          { title: '撤销日期', field: 'revokedOn', kind: 'date' },
          { title: '备注', field: 'note' },
        ],
        create: {
          title: '登记命名',
          fields: [
            { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '命名称号', field: 'title', type: 'text', required: true },
            { label: '类别', field: 'kind', type: 'select', options: DESIGNATION_KINDS, required: true },
            { label: '命名方式', field: 'action', type: 'select', options: DESIGNATION_ACTIONS, required: true },
            { label: '命名级别', field: 'level', type: 'select', options: LEVELS, required: true },
            { label: '命名日期', field: 'designatedOn', type: 'date', required: true, initial: 'today' },
            note,
          ],
        },
      }),
    ],
  },
  {
    key: 'disclosures',
    title: '三务公开',
    lists: [
      list<DisclosureView, DisclosureInput>({
        key: 'disclosures',
        title: '公开记录',
        path: '/disclosures',
        noun: '公开记录',
        filters: [
          { label: '公开类别', field: 'category', type: 'select', options: DISCLOSURE_CATEGORIES },
          { label: '办理状态', field: 'status', type: 'select', options: ['待审核', '待审批', '待公开', '已公开'] },
          { label: '提出日期起', field: 'from', type: 'date' },
          { label: '提出日期止', field: 'to', type: 'date' },
        ],
        columns: [
          { title: '提出日期', field: 'proposedOn', kind: 'date' },
          orgName,
          { title: '公开事项', field: 'itemName', kind: 'long' },
          { title: '期次', field: 'periodLabel' },
          { title: '类别', field: 'category' },
          { title: '状态', field: 'status' },
          { title: '公开日期', field: 'publishedOn', kind: 'date' },
        ],
        detailPath: '/disclosures/:id',
        detailExtra: [
          { title: '公开内容', field: 'content' },
          { title: '审核日期', field: 'reviewedOn', kind: 'date' },
          { title: '审核人', field: 'reviewedBy' },
          { title: '审批日期', field: 'approvedOn', kind: 'date' },
          { title: '审批人', field: 'approvedBy' },
          { title: '备注', field: 'note' },
        ],
        create: {
          title: '提出公开',
          fields: [
            { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            {
              label: '公开事项',
              field: 'itemId',
              type: 'remote',
              required: true,
              remote: { path: '/disclosure-items', withOrg: true, value: 'id', label: (r) => `${String(r.category)}｜${String(r.name)}（${String(r.cadence)}）` },
            },
            { label: '公开期次', field: 'periodLabel', type: 'text', required: true, help: '每月如 2026-03，每季度 2026Q1，每半年 2026H1，每年 2026，随时为事项日期 2026-03-15' },
            { label: '公开内容', field: 'content', type: 'textarea', required: true },
            { label: '提出日期', field: 'proposedOn', type: 'date', required: true, initial: 'today' },
            note,
          ],
        },
      }),
    ],
  },
  {
    key: 'cadres',
    title: '干部',
    lists: [
      list<CadreEventView, CadreEventInput>({
        key: 'cadres',
        title: '干部工作',
        path: '/cadre-events',
        noun: '干部工作记录',
        filters: [
          { label: '事项类别', field: 'kind', type: 'select', options: CADRE_EVENT_KINDS },
          { label: '具体类别', field: 'subkind', type: 'text' },
          { label: '批次', field: 'batch', type: 'text' },
          from,
          to,
        ],
        columns: [
          { title: '日期', field: 'happenedOn', kind: 'date' },
          { title: '姓名', field: 'personName' },
          orgName,
          { title: '事项类别', field: 'kind' },
          { title: '具体类别', field: 'subkind' },
          { title: '批次', field: 'batch', kind: 'long' },
        ],
        detailExtra: [
          { title: '来自基层一线', field: 'frontline', kind: 'bool' },
          { title: '出生年份', field: 'birthYear' },
          { title: '学历', field: 'education' },
          { title: '备注', field: 'note' },
        ],
        create: {
          title: '登记干部工作',
          fields: [
            { label: '事项类别', field: 'kind', type: 'select', options: CADRE_EVENT_KINDS, required: true },
            { label: '党员', field: 'memberId', type: 'member', help: '党员选择其记录；其他人员按姓名登记' },
            { label: '姓名', field: 'personName', type: 'text' },
            { label: '登记组织', field: 'orgCode', type: 'org', help: '按姓名登记时填写' },
            { label: '具体类别', field: 'subkind', type: 'text', placeholder: '如 中层干部、选调生' },
            { label: '日期', field: 'happenedOn', type: 'date', required: true, initial: 'today' },
            { label: '来自基层一线', field: 'frontline', type: 'bool', initial: 'false' },
            { label: '批次', field: 'batch', type: 'text', placeholder: '如 2026年第3次常委会' },
            { label: '出生年份', field: 'birthYear', type: 'number' },
            { label: '学历', field: 'education', type: 'select', options: EDUCATIONS },
            note,
          ],
        },
        actions: [
          { action: 'delete', title: '删除', method: 'DELETE', path: '/cadre-events/:id', danger: true, confirm: '确定删除这条误登记的干部工作记录吗？删除记入审计日志。' },
        ],
      }),
    ],
  },
  {
    key: 'publicity',
    title: '宣传',
    lists: [
      list<PublicationView, PublicationInput>({
        key: 'publications',
        title: '宣传稿件',
        path: '/publications',
        noun: '宣传稿件',
        filters: [
          { label: '媒体级别', field: 'mediumLevel', type: 'select', options: MEDIUM_LEVELS },
          { label: '形式', field: 'form', type: 'select', options: PUBLICATION_FORMS },
          { label: '主题', field: 'theme', type: 'text' },
          from,
          to,
        ],
        columns: [
          { title: '刊发日期', field: 'publishedOn', kind: 'date' },
          { title: '标题', field: 'title', kind: 'long' },
          { title: '媒体级别', field: 'mediumLevel' },
          { title: '媒体（平台）', field: 'mediumName', kind: 'long' },
          { title: '形式', field: 'form' },
          { title: '原创或转载', field: 'original', kind: 'bool', boolText: ['原创', '转载'] },
          orgName,
        ],
        detailExtra: [{ title: '主题', field: 'theme' }],
        create: {
          title: '登记宣传稿件',
          fields: [
            { label: '组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '标题', field: 'title', type: 'text', required: true },
            { label: '媒体级别', field: 'mediumLevel', type: 'select', options: MEDIUM_LEVELS, required: true },
            { label: '媒体（平台）名称', field: 'mediumName', type: 'text', required: true, placeholder: '如 学习强国、本单位微信公众号' },
            { label: '形式', field: 'form', type: 'select', options: PUBLICATION_FORMS, required: true },
            { label: '原创或转载', field: 'original', type: 'bool', initial: 'true', optionLabels: { true: '原创', false: '转载' } },
            { label: '主题', field: 'theme', type: 'text' },
            { label: '刊发日期', field: 'publishedOn', type: 'date', required: true, initial: 'today' },
          ],
        },
        actions: [
          { action: 'delete', title: '删除', method: 'DELETE', path: '/publications/:id', danger: true, confirm: '确定删除这条误登记的宣传稿件吗？删除记入审计日志。' },
        ],
      }),
    ],
  },
  {
    key: 'figures',
    title: '手工填报',
    lists: [
      list<FigureSetRecordView, FigureSetInput>({
        key: 'figure-sets',
        title: '其他部门数据',
        path: '/figure-sets',
        noun: '填报表',
        filters: [
          { label: '统计期', field: 'period', type: 'period' },
          { label: '数据来源单位', field: 'source', type: 'text' },
          { label: '指标编号', field: 'indicator', type: 'text' },
        ],
        columns: [
          { title: '统计期', field: 'period', text: (r) => r.period.title },
          orgName,
          { title: '数据来源单位', field: 'sourceDepartment', kind: 'long' },
          { title: '填报人', field: 'enteredBy' },
          { title: '填报日期', field: 'enteredOn', kind: 'date' },
          { title: '指标项数', field: 'values', text: (r) => String(r.values.length) },
        ],
        detailPath: '/figure-sets/:id',
        detailExtra: [{ title: '备注', field: 'note' }],
        detailTables: [
          {
            field: 'values',
            title: '填报数值',
            columns: [
              { title: '指标', field: 'label', kind: 'long' },
              { title: '数值', field: 'value', kind: 'number' },
              { title: '单位', field: 'unit' },
              { title: '备注', field: 'note' },
            ],
          },
        ],
        create: {
          title: '填报其他部门数据',
          fields: [
            { label: '填报组织', field: 'orgCode', type: 'org', required: true, initial: 'org' },
            { label: '统计期', field: 'period', type: 'period', required: true, initial: 'year' },
            { label: '数据来源单位', field: 'sourceDepartment', type: 'text', required: true, placeholder: '如 县纪委监委、县统计局' },
            {
              label: '指标',
              field: 'values.0.indicatorId',
              type: 'remote',
              required: true,
              remote: { path: '/indicators/manual', value: 'id', label: (r) => `${String(r.label)}（${String(r.unit)}）` },
            },
            { label: '数值', field: 'values.0.value', type: 'number', required: true },
            note,
          ],
        },
        actions: [
          { action: 'delete', title: '删除', method: 'DELETE', path: '/figure-sets/:id', danger: true, confirm: '确定删除这条误填的填报表及其各项数值吗？删除记入审计日志。' },
        ],
      }),
    ],
  },
];

/** The ledger and list shown for an address (/records/:ledger/:list), defaulting to the first of each. */
export function findList(ledgerKey: string | undefined, listKey: string | undefined): { ledger: LedgerSpec; list: ListSpec } {
  const ledger = LEDGERS.find((l) => l.key === ledgerKey) ?? LEDGERS[0]!;
  const found = ledger.lists.find((l) => l.key === listKey) ?? ledger.lists[0]!;
  return { ledger, list: found };
}

/** The detail route of a row (`:id` replaced), or null when the row itself is the detail. */
export function detailPathOf(spec: ListSpec, id: number | string): string | null {
  return spec.detailPath ? spec.detailPath.replace(':id', encodeURIComponent(String(id))) : null;
}
