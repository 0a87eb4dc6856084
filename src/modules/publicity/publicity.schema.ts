import { z } from 'zod';
import { figureSetView } from '../../shared/figures.js';
import { isoDate } from '../../shared/validation.js';
import { MEDIUM_LEVELS, PUBLICATION_FORMS } from '../../shared/vocab.js';
import { orgCode } from '../orgs/orgs.schema.js';

export const PUBLICITY_LABELS: Record<string, string> = {
  orgCode: '组织代码',
  org: '组织代码',
  title: '标题',
  mediumLevel: '媒体级别',
  mediumName: '媒体（平台）名称',
  form: '形式',
  original: '原创',
  theme: '主题',
  publishedOn: '刊发日期',
  from: '起始日期',
  to: '截止日期',
  period: '统计期',
};

/** 原创 (the organization's own piece) or 转载 (reposted from another source). */
export const ORIGINALITY = ['原创', '转载'] as const;

const oneOf = (list: readonly string[]) => ({ message: `应为以下之一：${list.join('、')}` });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });

export const mediumLevel = z.enum(MEDIUM_LEVELS, oneOf(MEDIUM_LEVELS));
export const publicationForm = z.enum(PUBLICATION_FORMS, oneOf(PUBLICATION_FORMS));

export const publicationInput = z.object({
  orgCode,
  title: text(200),
  mediumLevel,
  mediumName: text(100).describe('如 人民日报、学习强国、本单位微信公众号'),
  form: publicationForm,
  original: z.boolean().default(true).describe('原创为 true，转载为 false'),
  theme: text(100).nullish(),
  publishedOn: isoDate,
});
export type PublicationInput = z.input<typeof publicationInput>;

export const publicationListQuery = z.object({
  org: orgCode.optional(),
  mediumLevel: mediumLevel.optional(),
  form: publicationForm.optional(),
  theme: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PublicationListQuery = z.input<typeof publicationListQuery>;

export const publicityFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30'),
});

export const publicationView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  title: z.string(),
  mediumLevel: z.string(),
  mediumName: z.string(),
  form: z.string(),
  original: z.boolean(),
  theme: z.string().nullable(),
  publishedOn: z.string(),
});
export type PublicationView = z.infer<typeof publicationView>;

export const publicationPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(publicationView) });
export type PublicationPageView = z.infer<typeof publicationPageView>;

export const publicityFiguresView = figureSetView;
