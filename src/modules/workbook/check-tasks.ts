/**
 * The 责任清单, 清单事项, 任务 and 任务记录 sheets, checked with the tasks module's schemas and rules (tasks.schema.ts,
 * task-rules.ts): a list of an organization and a year, its items numbered once each, a task of an organization in
 * the assigning organization's subtree (from an item of a list of the same workbook, named by 清单编号 and 序号),
 * its dates and status together, and its progress and supervision notes tied to it by 任务编号.
 */
import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { checkListItemTarget, checkTaskEvent, checkTaskState } from '../tasks/task-rules.js';
import { listInput, listItemInput, taskEventInput, taskInput } from '../tasks/tasks.schema.js';
import { firstRowText, type LedgerRefs } from './ledger-refs.js';
import type { ParsedRow } from './sheet-collector.js';
import { checkRow, key, KeyIndex, text } from './sheet-fields.js';
import { SHEETS, type ListItemValues, type ResponsibilityListValues, type TaskEventValues, type TaskValues } from './workbook-format.js';

export interface PlannedList {
  key: string;
  orgCode: string;
  year: number;
  kind: string;
  title: string;
  issuedOn: string | null;
  note: string | null;
}
export interface PlannedListItem {
  key: string;
  seq: number;
  content: string;
  category: string | null;
  targetValue: number | null;
  targetUnit: string | null;
}
export interface PlannedTask {
  key: string;
  orgCode: string;
  assignedByCode: string;
  /** The item, by its list's key and number. */
  item: { key: string; seq: number } | null;
  title: string;
  category: string | null;
  ownerName: string;
  startOn: string;
  deadline: string;
  status: string;
  completedOn: string | null;
  note: string | null;
}
export interface PlannedTaskEvent {
  key: string;
  kind: string;
  happenedOn: string;
  content: string;
  percent: number | null;
  actor: string;
}

export interface TaskRows {
  responsibilityLists: ParsedRow<ResponsibilityListValues>[];
  listItems: ParsedRow<ListItemValues>[];
  tasks: ParsedRow<TaskValues>[];
  taskEvents: ParsedRow<TaskEventValues>[];
}

export interface PlannedTasks {
  lists: PlannedList[];
  items: PlannedListItem[];
  tasks: PlannedTask[];
  events: PlannedTaskEvent[];
}

const listRow = listInput.omit({ items: true }).extend({ key });
const itemRow = listItemInput.extend({ key, seq: z.number().int().min(1, { message: '应为从1起的整数' }) });
const taskRow = taskInput.omit({ itemId: true }).extend({ key, listKey: key.nullish(), seq: z.number().int().min(1, { message: '应为从1起的整数' }).nullish() });
const eventRow = taskEventInput.extend({ key, actor: text(50) });

export function checkTaskSheets(rows: TaskRows, refs: LedgerRefs, issues: FieldIssue[]): PlannedTasks {
  const out: PlannedTasks = { lists: [], items: [], tasks: [], events: [] };

  const lists = new KeyIndex<ResponsibilityListValues>(SHEETS.responsibilityLists, '清单编号');
  for (const row of rows.responsibilityLists) {
    const data = checkRow(listRow, SHEETS.responsibilityLists, row, issues, (v, found) => {
      lists.add(v.key, row.row, v, found);
      refs.org(v.orgCode, 'orgCode', found);
      refs.notFuture(v.issuedOn, 'issuedOn', '印发日期', found);
    });
    if (data) out.lists.push({ key: data.key, orgCode: data.orgCode, year: data.year, kind: data.kind, title: data.title, issuedOn: data.issuedOn ?? null, note: data.note || null });
  }

  // 清单编号 + 序号 → the item's row, once each.
  const itemSheet = SHEETS.listItems;
  const itemRowAt = new Map<string, number>();
  for (const row of rows.listItems) {
    const data = checkRow(itemRow, itemSheet, row, issues, (v, found, bad) => {
      lists.get(v.key, 'key', found);
      if (!bad.has('targetValue') && !bad.has('targetUnit')) found.push(...checkListItemTarget(v));
      if (v.key && v.seq !== undefined) {
        const pair = `${v.key}|${v.seq}`;
        const first = itemRowAt.get(pair);
        if (first !== undefined) found.push(issue('FIELD_INVALID', 'seq', `同一清单的序号${v.seq}与${firstRowText(itemSheet, first)}重复`));
        else itemRowAt.set(pair, row.row);
      }
    });
    if (data) {
      out.items.push({ key: data.key, seq: data.seq, content: data.content, category: data.category ?? null, targetValue: data.targetValue ?? null, targetUnit: data.targetUnit ?? null });
    }
  }

  const tasks = new KeyIndex<TaskValues>(SHEETS.tasks, '任务编号');
  for (const row of rows.tasks) {
    const data = checkRow(taskRow, SHEETS.tasks, row, issues, (v, found, bad) => {
      tasks.add(v.key, row.row, v, found);
      const org = refs.org(v.orgCode, 'orgCode', found);
      const by = refs.org(v.assignedByCode, 'assignedByCode', found);
      if (org && by && !refs.isUnder(org.code, by.code)) {
        found.push(issue('FIELD_INVALID', 'orgCode', `责任组织代码：${org.code}不是交办组织${by.code}或其下级组织`));
      }
      if (v.listKey && v.seq === undefined && !bad.has('seq')) found.push(issue('FIELD_REQUIRED', 'seq', '缺少必填项：序号（已填清单编号时）'));
      else if (!v.listKey && v.seq !== undefined && !bad.has('listKey')) found.push(issue('FIELD_REQUIRED', 'listKey', '缺少必填项：清单编号（已填序号时）'));
      else if (v.listKey && v.seq !== undefined && lists.get(v.listKey, 'listKey', found) && !itemRowAt.has(`${v.listKey}|${v.seq}`)) {
        found.push(issue('NOT_FOUND', 'seq', `清单“${v.listKey}”没有序号为${v.seq}的事项（见清单事项表）`));
      }
      if (v.startOn && v.deadline && v.status && !bad.has('completedOn')) {
        found.push(...checkTaskState({ startOn: v.startOn, deadline: v.deadline, status: v.status, completedOn: v.completedOn ?? null }, refs.today));
      }
    });
    if (data) {
      out.tasks.push({
        key: data.key, orgCode: data.orgCode, assignedByCode: data.assignedByCode, item: data.listKey && data.seq ? { key: data.listKey, seq: data.seq } : null,
        title: data.title, category: data.category ?? null, ownerName: data.ownerName, startOn: data.startOn, deadline: data.deadline, status: data.status,
        completedOn: data.completedOn ?? null, note: data.note || null,
      });
    }
  }

  for (const row of rows.taskEvents) {
    const data = checkRow(eventRow, SHEETS.taskEvents, row, issues, (v, found, bad) => {
      const task = tasks.get(v.key, 'key', found);
      if (v.kind && v.happenedOn && !bad.has('percent')) {
        found.push(...checkTaskEvent({ kind: v.kind, happenedOn: v.happenedOn, percent: v.percent ?? null }, task?.startOn ?? v.happenedOn, refs.today));
      }
    });
    if (data) out.events.push({ key: data.key, kind: data.kind, happenedOn: data.happenedOn, content: data.content, percent: data.percent ?? null, actor: data.actor });
  }
  return out;
}
