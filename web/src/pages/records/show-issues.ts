/**
 * A refused save, shown where it belongs: the server's field issues under their fields (split by the form's own
 * mapping), the first of them scrolled into view; returns what is left for the alert above the form (null when
 * every issue found its field).
 */
import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from '../../lib/api';

export type IssueSplit = (issues: readonly FieldIssue[]) => { fields: { name: string; errors: string[] }[]; rest: FieldIssue[] };

export function showIssues(form: FormInstance, e: unknown, split: IssueSplit): unknown {
  if (!(e instanceof ApiError) || e.issues.length === 0) return e;
  const s = split(e.issues);
  form.setFields(s.fields);
  if (s.fields[0]) form.scrollToField(s.fields[0].name);
  if (s.rest.length) return new ApiError(e.status, e.code, e.message, s.rest);
  return s.fields.length ? null : e;
}
