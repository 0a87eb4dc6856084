/**
 * Every figure the ledgers compute, for one organization's subtree and one reporting period, in one answer: the
 * organizations, members, development of new members and meetings, the member-work ledgers (dues, study and training, service, honors, donations), the supervision ledgers (tasks,
 * inspections and rectification, ratings, disclosures, cadres, publicity) and the hand-entered figure sets, under their
 * catalog ids, each with how it was computed and the records behind it. The report generator and `dangjian figures` read this; each ledger still
 * computes its own in its own fixed handful of grouped queries.
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import type { FigureSet } from '../../shared/figures.js';
import { donationFigures } from '../donations/donation-figures.js';
import { duesFigureSet } from '../dues/dues-figure-set.js';
import { manualFigures } from '../figure-sets/manual-figures.js';
import { honorFigures } from '../honors/honor-figures.js';
import { ratingFigures } from '../ratings/rating-figures.js';
import { inspectionFigures } from '../inspections/inspection-figures.js';
import { serviceFigures } from '../service/service-figures.js';
import { studyFigures } from '../study/study-figures.js';
import { taskFigures } from '../tasks/task-figures.js';
import { disclosureFigures } from '../disclosures/disclosure-figures.js';
import { cadreFigures } from '../cadres/cadre-figures.js';
import { publicityFigures } from '../publicity/publicity-figures.js';
import { orgFigures } from '../orgs/org-figures.js';
import { memberFigures } from '../members/member-figures.js';
import { developmentFigures } from '../development/development-figures.js';
import { meetingFigures } from '../meetings/meeting-figures.js';
import type { LedgerFiguresView } from './figures.schema.js';

type Compute = (ctx: Ctx, q: { orgCode?: string | undefined; period: string }) => Promise<FigureSet>;

export const LEDGERS = {
  orgs: { label: '组织', compute: orgFigures },
  members: { label: '党员', compute: memberFigures },
  development: { label: '发展党员', compute: developmentFigures },
  meetings: { label: '组织生活', compute: meetingFigures },
  dues: { label: '党费', compute: duesFigureSet },
  study: { label: '学习培训', compute: studyFigures },
  service: { label: '服务', compute: serviceFigures },
  honors: { label: '表彰', compute: honorFigures },
  donations: { label: '捐款', compute: donationFigures },
  tasks: { label: '任务', compute: taskFigures },
  inspections: { label: '巡察整改', compute: inspectionFigures },
  ratings: { label: '定级', compute: ratingFigures },
  disclosures: { label: '公开', compute: disclosureFigures },
  cadres: { label: '干部', compute: cadreFigures },
  publicity: { label: '宣传', compute: publicityFigures },
  manual: { label: '手工填报', compute: manualFigures },
} as const satisfies Record<string, { label: string; compute: Compute }>;
export type Ledger = keyof typeof LEDGERS;
export const LEDGER_KEYS = Object.keys(LEDGERS) as Ledger[];

/** "study,service" → the ledgers named, in the catalog's order; FIELD_INVALID naming the unknown one. */
export function parseLedgers(text: string | undefined): Ledger[] {
  if (text === undefined || text.trim() === '') return LEDGER_KEYS;
  const names = text.split(/[,，、\s]+/).filter(Boolean);
  for (const name of names) {
    if (!(LEDGER_KEYS as string[]).includes(name)) {
      const message = `台账“${name}”不存在，应为以下之一：${LEDGER_KEYS.map((k) => `${k}（${LEDGERS[k].label}）`).join('、')}`;
      throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'ledger', message }]);
    }
  }
  return LEDGER_KEYS.filter((k) => names.includes(k));
}

/**
 * The figures of the ledgers asked for (all by default). Each figure says how many records stand behind it; the ids
 * of those records are included only when `evidence` is asked for (a county's volunteer records run to tens of
 * thousands).
 */
export async function ledgerFigures(
  ctx: Ctx,
  q: { orgCode?: string | undefined; period: string; ledgers?: Ledger[] | undefined; evidence?: boolean | undefined },
): Promise<LedgerFiguresView> {
  const sets: { ledger: Ledger; set: FigureSet }[] = [];
  for (const ledger of q.ledgers ?? LEDGER_KEYS) {
    sets.push({ ledger, set: await LEDGERS[ledger].compute(ctx, { orgCode: q.orgCode, period: q.period }) });
  }
  const first = sets[0]!.set;
  return {
    org: first.org,
    period: first.period,
    figures: sets.flatMap(({ ledger, set }) =>
      set.figures.map((f) => ({
        ledger,
        ledgerLabel: LEDGERS[ledger].label,
        id: f.id,
        label: f.label,
        unit: f.unit,
        value: f.value,
        computation: f.computation,
        records: f.evidence.ids.length,
        evidence: { table: f.evidence.table, ids: q.evidence ? f.evidence.ids : [] },
      })),
    ),
  };
}
