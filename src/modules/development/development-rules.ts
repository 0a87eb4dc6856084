import type { FieldIssue } from '../../shared/errors.js';
import { addMonths, ageOn } from '../../shared/dates.js';
import { checkLifeDate } from '../people/person-rules.js';
import { MIN_AGE } from '../members/member-rules.js';
import { STEPS, STEP_BY_KEY, type StepDates } from './steps.js';

/**
 * Checks a development record's dates: each in the past and after birth, the steps in the order of the procedure,
 * and the applicant 18 or older on the day of the application (《细则》第五条). Time limits between steps
 * (one year as activist, the probation…) are the rule engine's findings, not input errors.
 */
export function checkDevelopmentDates(
  dates: StepDates,
  extra: { trainingHours?: number | null | undefined; extensionMonths?: number | null | undefined },
  birthDate: string | null,
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!dates.appliedOn) {
    issues.push({ code: 'FIELD_REQUIRED', field: 'appliedOn', message: '缺少必填项：申请入党日期' });
  }
  for (const def of STEPS) {
    const date = dates[def.key];
    if (!date) continue;
    issues.push(...checkLifeDate(def.key, def.label, date, birthDate, today));
    for (const req of def.requires) {
      const before = dates[req];
      const reqDef = STEP_BY_KEY.get(req)!;
      if (!before) {
        issues.push({ code: 'DEVELOPMENT_STEP_ORDER', field: def.key, message: `已填${def.label}，但缺少前一步骤的${reqDef.label}` });
      } else if (before > date) {
        issues.push({ code: 'DEVELOPMENT_STEP_ORDER', field: def.key, message: `${def.label}${date}早于${reqDef.label}${before}` });
      }
    }
    for (const prev of def.follows) {
      const before = dates[prev];
      if (before && before > date) {
        issues.push({ code: 'DEVELOPMENT_STEP_ORDER', field: def.key, message: `${def.label}${date}早于${STEP_BY_KEY.get(prev)!.label}${before}` });
      }
    }
  }
  if (birthDate && dates.appliedOn && dates.appliedOn >= birthDate && ageOn(birthDate, dates.appliedOn) < MIN_AGE) {
    issues.push({ code: 'APPLICANT_UNDER_18', field: 'appliedOn', message: `申请入党时未满${MIN_AGE}周岁（申请日期${dates.appliedOn}）` });
  }
  if (extra.trainingHours != null && (extra.trainingHours < 0 || extra.trainingHours > 1000)) {
    issues.push({ code: 'FIELD_INVALID', field: 'trainingHours', message: '集中培训学时应为0–1000之间的整数' });
  }
  // 《细则》第三十二条: the probation may be extended once, by at least six months and at most one year.
  if (extra.extensionMonths != null && (extra.extensionMonths < 6 || extra.extensionMonths > 12)) {
    issues.push({ code: 'FIELD_INVALID', field: 'extensionMonths', message: '延长预备期应为6–12个月' });
  }
  if (extra.extensionMonths != null && !dates.extensionDecidedOn) {
    issues.push({ code: 'FIELD_REQUIRED', field: 'extensionDecidedOn', message: '延长预备期须填写延长预备期决定日期' });
  }
  return issues;
}

/** 党章第七条: one year of probation from the branch meeting, plus any extension; 党龄 counts from its end. */
export function probationEnd(branchMeetingOn: string, extensionMonths: number | null): string {
  return addMonths(branchMeetingOn, 12 + (extensionMonths ?? 0));
}
