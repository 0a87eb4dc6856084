import type { RuleSet } from '../types.js';
import { BRANCH_WORK_2018, LEADERSHIP_2016 } from './branch-work.js';
import { DEVELOPMENT_2014, DEVELOPMENT_2026 } from './development.js';
import { DUES_2008 } from './dues.js';
import { EDUCATION_2019 } from './education.js';
import { DISCLOSURE_2017, INSPECTION_2017, RESPONSIBILITY_2020 } from './supervision.js';
import { TERMS_2018 } from './terms.js';

/** Every rule set the product knows, oldest version of a line first. */
export const RULE_SETS: readonly RuleSet[] = [BRANCH_WORK_2018, LEADERSHIP_2016, TERMS_2018, DEVELOPMENT_2014, DEVELOPMENT_2026, DUES_2008, EDUCATION_2019, RESPONSIBILITY_2020, INSPECTION_2017, DISCLOSURE_2017];
