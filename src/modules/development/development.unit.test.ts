import { describe, expect, it } from 'vitest';
import { checkDevelopmentDates, probationEnd } from './development-rules.js';
import { deriveStage } from './steps.js';

const today = '2026-11-23';

describe('development stage', () => {
  it('derives from the step dates alone', () => {
    expect(deriveStage({ appliedOn: '2024-01-01' })).toBe('入党申请人');
    expect(deriveStage({ appliedOn: '2024-01-01', activistOn: '2024-04-01' })).toBe('入党积极分子');
    expect(deriveStage({ appliedOn: '2024-01-01', activistOn: '2024-04-01', candidateOn: '2025-05-01' })).toBe('发展对象');
    expect(deriveStage({ approvedOn: '2025-09-01' })).toBe('预备党员');
    expect(deriveStage({ approvedOn: '2025-09-01', conversionApprovedOn: '2026-09-01' })).toBe('正式党员');
  });
  it('counts the probation from the branch meeting, in calendar months', () => {
    expect(probationEnd('2025-02-28', null)).toBe('2026-02-28');
    expect(probationEnd('2024-02-29', 6)).toBe('2025-08-29');
  });
});

describe('development dates', () => {
  const birth = '2000-05-01';
  it('requires an application date and the order of the procedure', () => {
    expect(checkDevelopmentDates({}, {}, birth, today).map((i) => i.field)).toEqual(['appliedOn']);
    const issues = checkDevelopmentDates({ appliedOn: '2024-01-01', candidateOn: '2024-06-01' }, {}, birth, today);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'DEVELOPMENT_STEP_ORDER', field: 'candidateOn' });
    const early = checkDevelopmentDates({ appliedOn: '2024-01-01', activistOn: '2023-12-01' }, {}, birth, today);
    expect(early[0]).toMatchObject({ code: 'DEVELOPMENT_STEP_ORDER', field: 'activistOn' });
  });
  it('rejects an applicant under 18, a future date and a date before birth', () => {
    expect(checkDevelopmentDates({ appliedOn: '2018-04-30' }, {}, birth, today)[0]).toMatchObject({ code: 'APPLICANT_UNDER_18' });
    expect(checkDevelopmentDates({ appliedOn: '2018-05-01' }, {}, birth, today)).toEqual([]);
    expect(checkDevelopmentDates({ appliedOn: '2027-01-01' }, {}, birth, today)[0]).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(checkDevelopmentDates({ appliedOn: '1999-01-01' }, {}, birth, today)[0]).toMatchObject({ code: 'DATE_BEFORE_BIRTH' });
  });
  it('bounds an extension of the probation to 6–12 months (《细则》第三十二条)', () => {
    const base = { appliedOn: '2020-01-01', activistOn: '2020-03-01', candidateOn: '2021-04-01', branchMeetingOn: '2021-09-01', approvedOn: '2021-10-01', extensionDecidedOn: '2022-09-05' };
    expect(checkDevelopmentDates(base, { extensionMonths: 6 }, birth, today)).toEqual([]);
    expect(checkDevelopmentDates(base, { extensionMonths: 3 }, birth, today)[0]).toMatchObject({ field: 'extensionMonths' });
  });
});
