/**
 * Server field errors under the right fields: each ApiError issue whose field is a field of the form is shown there
 * (form.setFields); the rest stay for an <ErrorAlert>. Returns the error to show above the form, or null.
 * `fields` lists the form's fields, or maps the server's field names to the form's (`{ candidateOn: 'date' }`).
 */
import type { FormInstance } from 'antd';
import { ApiError } from '../../lib/api';

export function showFieldErrors(form: FormInstance, err: unknown, fields: readonly string[] | Record<string, string>): unknown {
  if (!(err instanceof ApiError) || err.issues.length === 0) return err;
  const map = new Map<string, string>(Array.isArray(fields) ? fields.map((f) => [f, f]) : Object.entries(fields));
  const byField = new Map<string, string[]>();
  const rest = [];
  for (const issue of err.issues) {
    const name = issue.field ? map.get(issue.field.split('.')[0]!) : undefined;
    if (name) byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    else rest.push(issue);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (rest.length === 0) return null;
  if (rest.length === err.issues.length) return err;
  const message = rest.length === 1 ? rest[0]!.message : `${rest[0]!.message}（另有${rest.length - 1}处错误）`;
  return new ApiError(err.status, rest[0]!.code, message, rest);
}
