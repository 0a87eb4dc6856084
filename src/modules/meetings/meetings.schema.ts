import { z } from 'zod';
import { MEETING_KINDS } from '../../shared/vocab.js';
import { isoDate } from '../../shared/validation.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { recordActionsField } from '../access/record-actions.js';

export const MEETING_LABELS: Record<string, string> = {
  orgCode: '组织代码',
  kind: '会议类型',
  heldOn: '日期',
  topic: '主题',
  host: '主持人',
  expectedCount: '应到人数',
  attendedCount: '实到人数',
  absentees: '缺席人员及原因',
  minutes: '会议记录',
};

export const absentee = z.object({
  name: z.string().trim().min(1, { message: '不能为空' }).max(50),
  reason: z.string().trim().max(200).nullish(),
});

export const meetingInput = z.object({
  orgCode,
  kind: z.enum(MEETING_KINDS, { message: `应为以下之一：${MEETING_KINDS.join('、')}` }),
  heldOn: isoDate,
  topic: z.string().trim().min(1, { message: '不能为空' }).max(500),
  host: z.string().trim().max(50).nullish(),
  expectedCount: z.number().int().min(0, { message: '应为非负整数' }),
  attendedCount: z.number().int().min(0, { message: '应为非负整数' }),
  absentees: z.array(absentee).default([]),
  minutes: z.string().max(100_000).nullish(),
});
export type MeetingInput = z.input<typeof meetingInput>;

/**
 * A correction of a recorded meeting: any field but the organization (a meeting stays with the organization that held
 * it; the routes' strict bodies refuse an `orgCode`). `absentees`, when given, replaces the whole list.
 */
export const meetingPatch = meetingInput
  .omit({ orgCode: true, absentees: true })
  .partial()
  .extend({ absentees: z.array(absentee).optional() });
export type MeetingPatch = z.input<typeof meetingPatch>;

export const meetingListQuery = z.object({
  org: orgCode,
  kind: z.enum(MEETING_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const meetingView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  kind: z.string(),
  heldOn: z.string(),
  topic: z.string(),
  host: z.string().nullable(),
  expectedCount: z.number().int(),
  attendedCount: z.number().int(),
  absentees: z.array(z.object({ name: z.string(), reason: z.string().nullable() })),
  minutes: z.string().nullable(),
  actions: recordActionsField,
});
export type MeetingView = z.infer<typeof meetingView>;

/** "张三（病假）；李四：出差" ⇄ absentees. Separators: ；; 、, newline; a reason in （）() or after ：:. */
export function parseAbsentees(text: string | null | undefined): { name: string; reason: string | null }[] {
  if (!text || !text.trim()) return [];
  return text
    .split(/[；;、,，\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const paren = /^(.+?)[（(](.*)[）)]$/.exec(part);
      if (paren) return { name: paren[1]!.trim(), reason: paren[2]!.trim() || null };
      const colon = /^(.+?)[：:](.*)$/.exec(part);
      if (colon) return { name: colon[1]!.trim(), reason: colon[2]!.trim() || null };
      return { name: part, reason: null };
    });
}

export function formatAbsentees(list: { name: string; reason: string | null }[]): string {
  return list.map((a) => (a.reason ? `${a.name}（${a.reason}）` : a.name)).join('；');
}
