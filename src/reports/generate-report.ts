/**
 * generateReport(): a report of one genre for one organization's subtree and one period — the template filled with the
 * figures of the records (each family computed once for the scope; again for the comparison periods when the
 * template asks for 同比/环比), the problems and plans drafted from the rule engine's findings, and the narratives the
 * writer gave. Scoped by the caller: an organization outside what the caller sees is "not found".
 */
import type { Ctx } from '../context.js';
import { computeIndicators, comparablePeriod } from '../indicators/registry.js';
import { getOrgRow } from '../modules/orgs/find-orgs.js';
import { evaluateRules, resolveRootPath } from '../rules/evaluate.js';
import { AppError } from '../shared/errors.js';
import { parsePeriod } from '../shared/period.js';
import type { ReportDocument } from './document.js';
import { draftFromFindings } from './draft-findings.js';
import { fillReport, type ComparisonValues } from './fill-report.js';
import { loadTemplate } from './load-template.js';
import { templateFigureIds } from './template.js';

export interface ReportRequest {
  orgCode?: string | undefined;
  period: string;
  /** A genre name (annual, half-year, responsibility, secretary, or a deployment's own); a file path only from the CLI. */
  template: string;
  allowTemplateFile?: boolean;
  /** Narrative text by slot key (n1, n2 …). */
  narratives?: Record<string, string> | undefined;
}

export async function generateReport(ctx: Ctx, req: ReportRequest): Promise<ReportDocument> {
  const period = parsePeriod(req.period);
  const { key, template } = loadTemplate(req.template, { allowFile: req.allowTemplateFile === true });
  const rootPath = await resolveRootPath(ctx, req.orgCode);
  const orgRow = req.orgCode
    ? await getOrgRow(ctx, req.orgCode, 'org')
    : await ctx.db.selectFrom('organizations').select(['code', 'name']).where('path', '=', rootPath).executeTakeFirstOrThrow();
  const org = { code: orgRow.code, name: orgRow.name };
  if (req.narratives) {
    for (const k of Object.keys(req.narratives)) {
      if (!/^n\d+$/.test(k)) {
        const message = `撰写内容的编号“${k}”不正确，应为 n1、n2 …（按模板中撰写处的顺序）`;
        throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'narratives', message }]);
      }
    }
  }

  const refs = templateFigureIds(template);
  const ids = [...new Set(refs.map((r) => r.id))];
  const current = await computeIndicators(ctx, { orgCode: org.code, period, ids });
  const comparison = async (form: 'yoy' | 'pop'): Promise<ComparisonValues | null> => {
    const wanted = [...new Set(refs.filter((r) => r.form === form).map((r) => r.id))];
    if (wanted.length === 0) return null;
    const earlier = comparablePeriod(period, form);
    return { period: earlier, values: (await computeIndicators(ctx, { orgCode: org.code, period: earlier, ids: wanted })).values };
  };
  const yoy = await comparison('yoy');
  const pop = await comparison('pop');

  const hasDrafts = (list: typeof template.lead): boolean => list.some((p) => p.draft !== null);
  const sectionsHaveDrafts = (list: typeof template.sections): boolean =>
    list.some((s) => hasDrafts(s.body) || sectionsHaveDrafts(s.children));
  const drafts =
    hasDrafts(template.lead) || sectionsHaveDrafts(template.sections)
      ? draftFromFindings(await evaluateRules(ctx, { orgCode: org.code, period }))
      : { problems: [], plans: [] };

  const today = ctx.clock.today();
  const doc = fillReport({
    template,
    templateKey: key,
    org,
    period,
    values: current.values,
    yoy,
    pop,
    narratives: req.narratives ?? {},
    drafts,
    generatedAt: ctx.clock.nowIso(),
    signedOn: period.end < today ? period.end : today,
  });
  const kind = period.kind ?? 'range';
  if (!template.periods.includes('any') && !template.periods.includes(kind)) {
    doc.warnings.push(
      `模板“${template.name}”是为${template.periods.map((p) => PERIOD_KIND_LABELS[p] ?? p).join('、')}编写的，所选统计期${period.title}是${PERIOD_KIND_LABELS[kind]}：文中“全年”“上半年”等用语请核改`,
    );
  }
  if (period.end > today) doc.warnings.push(`统计期${period.title}尚未结束（截至${today}），各项数字为截至目前的情况`);
  return doc;
}

const PERIOD_KIND_LABELS: Record<string, string> = { year: '年度', half: '半年', quarter: '季度', month: '月份', range: '日期范围' };
