import type { FieldIssue } from '../../shared/errors.js';
import { checkDevelopmentDates } from '../development/development-rules.js';
import { developmentInput } from '../development/development.schema.js';
import { STEP_KEYS, type StepDates } from '../development/steps.js';
import type { CheckedPerson } from '../people/person-rules.js';
import { checkPersonInBranch } from './check-person-row.js';
import type { KnownOrg } from './check-orgs.js';
import { at, usable, validateRow } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import { SHEETS, type DevelopmentValues } from './workbook-format.js';
import type { DevelopmentPlan } from '../development/insert-development-bulk.js';

export type PlannedDevelopment = DevelopmentPlan & { row: number };

/** A row whose ID number is valid: what the checks across sheets and against the database need. */
export interface DevelopmentRow {
  row: number;
  values: DevelopmentValues;
  person: CheckedPerson;
  /** Set when the row passed every check of its own. */
  plan: PlannedDevelopment | null;
}

const sheet = SHEETS.development;

export function stepDatesOfValues(v: DevelopmentValues): StepDates {
  const dates: StepDates = {};
  for (const key of STEP_KEYS) if (v[key]) dates[key] = v[key];
  return dates;
}

/** Checks each row of the 发展党员 sheet on its own, with the development service's schema and rules. */
export function checkDevelopmentSheet(
  rows: ParsedRow<DevelopmentValues>[],
  orgs: Map<string, KnownOrg>,
  today: string,
  issues: FieldIssue[],
): DevelopmentRow[] {
  const out: DevelopmentRow[] = [];
  for (const row of rows) {
    const before = issues.length;
    const { data, bad } = validateRow(developmentInput, sheet, row, row.values, issues);
    const v = usable(row.values, bad);
    const found: FieldIssue[] = [];
    const { person, org } = checkPersonInBranch(v, orgs, today, found);
    // As createDevelopment: a temporary branch (临时党支部) does not admit members.
    if (org?.kind === '临时党支部') found.push({ code: 'ORG_KIND_NOT_ALLOWED', field: 'orgCode', message: '临时党支部一般不发展党员' });
    const dates = stepDatesOfValues(v);
    // A missing 申请入党日期 is the schema's to report when its cell was unreadable or empty.
    const dateIssues = checkDevelopmentDates(dates, v, person?.birthDate ?? null, today);
    found.push(...dateIssues.filter((i) => !(i.code === 'FIELD_REQUIRED' && i.field === 'appliedOn' && bad.has('appliedOn'))));
    for (const issue of found) issues.push(at(sheet, row.row, issue));
    if (!person) continue;
    const plan: PlannedDevelopment | null =
      data && issues.length === before
        ? {
            row: row.row,
            orgCode: data.orgCode,
            person,
            dates,
            contacts: data.contacts ?? null,
            introducers: data.introducers ?? null,
            trainingHours: data.trainingHours ?? null,
            extensionMonths: data.extensionMonths ?? null,
          }
        : null;
    out.push({ row: row.row, values: row.values, person, plan });
  }
  return out;
}
