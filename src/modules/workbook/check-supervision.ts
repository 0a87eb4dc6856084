/**
 * The sixteen supervision ledger sheets (0006), family by family, with the refs the member-work ledgers gather:
 * 责任清单 … 任务记录 (check-tasks.ts), 巡察督查 … 整改记录 (check-inspections.ts), 分类定级, 软弱涣散整顿, 命名表彰
 * (check-ratings.ts), 公开目录, 公开记录 (check-disclosures.ts), 干部工作, 宣传报道 (check-cadres.ts), 手工填报
 * (check-figure-sets.ts).
 */
import type { Ctx } from '../../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import { actorName } from '../access/actor.js';
import { checkCadreSheets, type PlannedCadres } from './check-cadres.js';
import { checkDisclosureSheets, type PlannedDisclosures } from './check-disclosures.js';
import { checkFigureSheet, type PlannedFigureSet } from './check-figure-sets.js';
import { checkInspectionSheets, type PlannedInspections } from './check-inspections.js';
import { checkRatingSheets, type PlannedRatings } from './check-ratings.js';
import { checkTaskSheets, type PlannedTasks } from './check-tasks.js';
import type { LedgerRefs } from './ledger-refs.js';
import type { ParsedWorkbook } from './parse-workbook.js';

export interface PlannedSupervision {
  tasks: PlannedTasks;
  inspections: PlannedInspections;
  ratings: PlannedRatings;
  disclosures: PlannedDisclosures;
  cadres: PlannedCadres;
  figureSets: PlannedFigureSet[];
}

export const NO_SUPERVISION: PlannedSupervision = {
  tasks: { lists: [], items: [], tasks: [], events: [] },
  inspections: { inspections: [], targets: [], problems: [], events: [] },
  ratings: { ratings: [], weakCases: [], designations: [] },
  disclosures: { items: [], disclosures: [] },
  cadres: { cadreEvents: [], publications: [] },
  figureSets: [],
};

export async function checkSupervisionSheets(ctx: Ctx, parsed: ParsedWorkbook, refs: LedgerRefs, issues: FieldIssue[]): Promise<PlannedSupervision> {
  return {
    tasks: checkTaskSheets(parsed, refs, issues),
    inspections: checkInspectionSheets(parsed, refs, actorName(ctx.actor), issues),
    ratings: await checkRatingSheets(ctx, parsed, refs, issues),
    disclosures: checkDisclosureSheets(parsed, refs, issues),
    cadres: checkCadreSheets(parsed, refs, issues),
    figureSets: checkFigureSheet(parsed.figureValues, refs, issues),
  };
}

export interface SupervisionCounts {
  responsibilityLists: number;
  listItems: number;
  tasks: number;
  taskEvents: number;
  inspections: number;
  inspectionTargets: number;
  problems: number;
  problemEvents: number;
  ratings: number;
  weakCases: number;
  designations: number;
  disclosureItems: number;
  disclosures: number;
  cadreEvents: number;
  publications: number;
  figureValues: number;
}

/** Rows written by sheet; 整改记录 counts the events written (an implied history's too), 手工填报 the values. */
export function supervisionCounts(s: PlannedSupervision): SupervisionCounts {
  return {
    responsibilityLists: s.tasks.lists.length,
    listItems: s.tasks.items.length,
    tasks: s.tasks.tasks.length,
    taskEvents: s.tasks.events.length,
    inspections: s.inspections.inspections.length,
    inspectionTargets: s.inspections.targets.length,
    problems: s.inspections.problems.length,
    problemEvents: s.inspections.events.length,
    ratings: s.ratings.ratings.length,
    weakCases: s.ratings.weakCases.length,
    designations: s.ratings.designations.length,
    disclosureItems: s.disclosures.items.length,
    disclosures: s.disclosures.disclosures.length,
    cadreEvents: s.cadres.cadreEvents.length,
    publications: s.cadres.publications.length,
    figureValues: s.figureSets.reduce((n, f) => n + f.values.length, 0),
  };
}

export function supervisionWriteCount(s: PlannedSupervision): number {
  return Object.values(supervisionCounts(s)).reduce((a, b) => a + b, 0) + s.figureSets.length;
}
