/**
 * The buttons of a member's record (and a development record's): shown only for the actions the server lists in the
 * record's `actions` — the UI never re-derives a permission. Registering, which has no record yet, asks the
 * organization instead (use-org-actions.ts).
 */
import type { RecordAction } from '../../lib/types';

/** Whether the server allows the caller this action on the record (none while the record is not loaded). */
export function allows(record: { actions: readonly RecordAction[] } | null | undefined, action: RecordAction): boolean {
  return !!record?.actions.includes(action);
}

/** The buttons of a member's record: 编辑, 组织关系转接, 离开. */
export interface MemberButtons {
  edit: boolean;
  transfer: boolean;
  leave: boolean;
}

export function memberButtons(m: { actions: readonly RecordAction[] } | null | undefined): MemberButtons {
  return { edit: allows(m, 'update'), transfer: allows(m, 'transfer'), leave: allows(m, 'leave') };
}

/** Whether any of the member's buttons shows. */
export function anyButton(b: MemberButtons): boolean {
  return b.edit || b.transfer || b.leave;
}
