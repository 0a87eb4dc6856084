import { z } from 'zod';
import { AppError, type ErrorCode, type FieldIssue } from './errors.js';
import { isValidIsoDate } from './dates.js';

// Zod's own messages in Chinese, for the few cases our schemas do not word themselves.
z.config(z.locales.zhCN());

/** An ISO date field (YYYY-MM-DD) that must be a real day. */
export const isoDate = z
  .string()
  .trim()
  .refine(isValidIsoDate, { message: '应为有效日期（YYYY-MM-DD）' });

export const optionalIsoDate = isoDate.nullish();

/**
 * Turns zod issues into field issues, naming each field by its Chinese label. Parse with `{ reportInput: true }`:
 * zod drops each issue's input otherwise, and a wrong value could not be told from a missing one.
 */
export function zodIssues(error: z.ZodError, labels: Record<string, string> = {}): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(请求体)';
    const label = labels[field] ?? labels[String(issue.path[0] ?? '')] ?? field;
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const code: ErrorCode = missing ? 'FIELD_REQUIRED' : issue.code === 'invalid_value' ? 'VALUE_NOT_ALLOWED' : 'FIELD_INVALID';
    const message = missing ? `缺少必填项：${label}` : `${label}：${issue.message}`;
    return { code, field, message };
  });
}

/** Validates input at the edge (CLI, import): returns the parsed value or throws one AppError naming every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string> = {}): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw AppError.fromIssues(zodIssues(result.error, labels));
  return result.data;
}

export { issue } from './errors.js';

/** A boolean in a query string: true/false/1/0 (z.coerce.boolean would read "false" as true). */
export const queryBool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');
