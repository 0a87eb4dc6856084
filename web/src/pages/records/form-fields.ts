/**
 * Forms described as data: a ledger lists its fields (label, field, type, required, the vocabulary of a select) and
 * this module turns the form's values into the API's body or query, checks what must be filled, and maps the
 * server's field issues back onto the fields. Pure (no React, no antd): the components in this folder render it.
 *
 * Form values are kept flat under each field's name, dates as ISO text (YYYY-MM-DD). A field name may be a dotted
 * path (`values.0.value`): the payload nests it (`{ values: [{ value }] }`), and the server's issue for that path
 * names the same field.
 */
import type { FieldIssue } from '../../lib/api';

export type FieldType =
  /** One line of text. */
  | 'text'
  /** Several lines of text. */
  | 'textarea'
  /** A date (ISO text). */
  | 'date'
  /** A number (hours, amounts, counts). */
  | 'number'
  /** A year (number, 1949–2100). */
  | 'year'
  /** A statistical period as text: 2026, 2026H1, 2026Q3 or 2026-03. */
  | 'period'
  /** One value of a closed vocabulary (`options`). */
  | 'select'
  /** 是 / 否. */
  | 'bool'
  /** An organization of the tree (its code); defaults to the chosen organization. */
  | 'org'
  /** A member, searched by name among the chosen organization's members (the member's record id). */
  | 'member'
  /** One of the records an API list returns (`remote`): disclosure items, manual indicators, rounds. */
  | 'remote'
  /** Not shown: a fixed value sent with the payload. */
  | 'const';

export interface RemoteSource {
  /** The API path of the list (GET), e.g. /disclosure-items. */
  path: string;
  /** Whether the list takes the chosen organization as ?org=. */
  withOrg?: boolean;
  /** Extra query parameters. */
  query?: Record<string, string | number | boolean>;
  /** The value sent (a field of the row). */
  value: string;
  /** How a row reads in the list. */
  label: (row: Record<string, unknown>) => string;
}

export interface FieldSpec {
  label: string;
  /** The API's field name (body or query), possibly dotted (values.0.value). */
  field: string;
  type: FieldType;
  required?: boolean;
  /** The vocabulary of a select (from src/shared/vocab.ts or the schema's lists). */
  options?: readonly string[];
  /** Labels of a select's values when they differ from the values (e.g. true → 原创). */
  optionLabels?: Record<string, string>;
  remote?: RemoteSource;
  /** Initial value: 'today' for a date, 'org' for the chosen organization, 'year' for this year, or a value. */
  initial?: 'today' | 'org' | 'year' | string | number | boolean;
  /** The value of a 'const' field. */
  value?: string | number | boolean;
  placeholder?: string;
  /** A short hint under the field. */
  help?: string;
}

export type FormValues = Record<string, unknown>;

/** A value that counts as "not filled": undefined, null, empty or blank text. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** One field's value as the API takes it: text trimmed, numbers as numbers, booleans as booleans; blank → undefined. */
export function apiValue(spec: FieldSpec, raw: unknown): unknown {
  if (spec.type === 'const') return spec.value;
  if (isBlank(raw)) return undefined;
  switch (spec.type) {
    case 'number':
    case 'year':
    case 'member': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      return Number.isFinite(n) ? n : String(raw).trim();
    }
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'remote': {
      // Record ids are numbers; codes stay text.
      if (typeof raw === 'number') return raw;
      const s = String(raw).trim();
      return /^\d+$/.test(s) ? Number(s) : s;
    }
    default:
      return typeof raw === 'string' ? raw.trim() : raw;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    const last = i === parts.length - 1;
    const index = /^\d+$/.test(key) ? Number(key) : null;
    const slot = index ?? key;
    if (last) {
      (node as Record<string | number, unknown>)[slot] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
    const existing = (node as Record<string | number, unknown>)[slot];
    if (existing === undefined || existing === null || typeof existing !== 'object') {
      const created: Record<string, unknown> | unknown[] = nextIsIndex ? [] : {};
      (node as Record<string | number, unknown>)[slot] = created;
      node = created;
    } else {
      node = existing as Record<string, unknown> | unknown[];
    }
  }
}

/**
 * The request body of a create form: every filled field (blank optional ones left out, so the server's defaults
 * apply), dotted names nested.
 */
export function toPayload(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = apiValue(f, values[f.field]);
    if (v !== undefined) setPath(out, f.field, v);
  }
  return out;
}

/** The query of a filter bar: the filled filters as text, in the API's names (the chosen organization added as org). */
export function toQuery(fields: readonly FieldSpec[], values: FormValues, org: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (org) out.org = org;
  for (const f of fields) {
    const v = apiValue(f, values[f.field]);
    if (v !== undefined) out[f.field] = String(v);
  }
  return out;
}

/** The message of an unfilled required field, as the form shows it. */
export function requiredMessage(spec: FieldSpec): string {
  const verb = ['select', 'org', 'member', 'remote', 'bool', 'date'].includes(spec.type) ? '请选择' : '请填写';
  return `${verb}${spec.label}`;
}

/** The required fields left blank, with their messages (checked before anything is sent). */
export function missingRequired(fields: readonly FieldSpec[], values: FormValues): { field: string; message: string }[] {
  return fields
    .filter((f) => f.required && f.type !== 'const' && isBlank(values[f.field]))
    .map((f) => ({ field: f.field, message: requiredMessage(f) }));
}

/** The form's first values: today's date, the chosen organization, this year, or the field's own initial value. */
export function initialValues(fields: readonly FieldSpec[], ctx: { org: string | null; today: string }): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (f.initial === undefined || f.type === 'const') continue;
    if (f.initial === 'today') out[f.field] = ctx.today;
    else if (f.initial === 'org') out[f.field] = ctx.org ?? undefined;
    else if (f.initial === 'year') out[f.field] = f.type === 'period' || f.type === 'text' ? ctx.today.slice(0, 4) : Number(ctx.today.slice(0, 4));
    else out[f.field] = f.initial;
  }
  return out;
}

/**
 * Which form field a server issue belongs to: the field of the same name, the field the issue is inside
 * (`values.0.value` → `values.0.value` or `values`), or the one field under the issue's path (`reasons` →
 * `reasons.0.text`). Null when no field shown matches (the issue then goes to the alert above the form).
 */
export function fieldOfIssue(fields: readonly FieldSpec[], issueField: string | undefined): string | null {
  if (!issueField) return null;
  const shown = fields.filter((f) => f.type !== 'const').map((f) => f.field);
  if (shown.includes(issueField)) return issueField;
  const parts = issueField.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const prefix = parts.slice(0, i).join('.');
    if (shown.includes(prefix)) return prefix;
  }
  const under = shown.filter((f) => f.startsWith(`${issueField}.`));
  return under.length >= 1 ? under[0]! : null;
}

/**
 * The server's issues split into errors under fields (for form.setFields) and the rest (for the alert), several
 * issues of one field kept together in order.
 */
export function issuesToFields(
  fields: readonly FieldSpec[],
  issues: readonly FieldIssue[],
): { fields: { name: string; errors: string[] }[]; rest: FieldIssue[] } {
  const byField = new Map<string, string[]>();
  const rest: FieldIssue[] = [];
  for (const issue of issues) {
    const name = fieldOfIssue(fields, issue.field);
    if (name === null) {
      rest.push(issue);
      continue;
    }
    const list = byField.get(name) ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    byField.set(name, list);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), rest };
}

/** A select's choices: the vocabulary, each with its label. */
export function optionsOf(spec: FieldSpec): { value: string; label: string }[] {
  return (spec.options ?? []).map((v) => ({ value: v, label: spec.optionLabels?.[v] ?? v }));
}

/** 是 / 否 for a boolean filter or field (sent as true / false). */
export const YES_NO: Pick<FieldSpec, 'options' | 'optionLabels'> = { options: ['true', 'false'], optionLabels: { true: '是', false: '否' } };

function valueAt(record: Record<string, unknown>, path: string): unknown {
  let node: unknown = record;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A correcting form's first values: the record's own (null and missing left blank; booleans as the select's text). */
export function valuesFromRecord(fields: readonly FieldSpec[], record: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (f.type === 'const') continue;
    const v = valueAt(record, f.field);
    if (v === null || v === undefined) continue;
    out[f.field] = f.type === 'bool' && typeof v === 'boolean' ? String(v) : f.type === 'select' && typeof v === 'number' ? String(v) : v;
  }
  return out;
}

/**
 * The body of a correction (PATCH): only the fields whose value differs from the record's. A field emptied that had
 * a value is sent as null (the server clears it where it may be empty, and names the field where it may not).
 */
export function patchPayload(fields: readonly FieldSpec[], values: FormValues, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === 'const') {
      setPath(out, f.field, f.value);
      continue;
    }
    const next = apiValue(f, values[f.field]);
    const prev = valueAt(record, f.field);
    const prevBlank = prev === null || prev === undefined || prev === '';
    if (next === undefined) {
      if (!prevBlank) setPath(out, f.field, null);
      continue;
    }
    // Compared as the API takes them: 2.5 is the stored "2.50", 'true' the stored true.
    if (prevBlank || String(next) !== String(apiValue(f, typeof prev === 'boolean' ? String(prev) : prev))) setPath(out, f.field, next);
  }
  return out;
}
