/**
 * One error type with stable codes (STYLE §11). The code is for programs (English, never changes once
 * published); the message is for people (Chinese). HTTP status and CLI exit code are decided here and only here.
 */

export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_many' | 'unreadable' | 'config' | 'internal';

const kinds = {
  // Generic input problems
  VALIDATION_FAILED: 'invalid',
  FIELD_REQUIRED: 'invalid',
  FIELD_INVALID: 'invalid',
  VALUE_NOT_ALLOWED: 'invalid',
  DATE_INVALID: 'invalid',
  DATE_IN_FUTURE: 'invalid',
  DATE_BEFORE_BIRTH: 'invalid',
  DATE_ORDER_INVALID: 'invalid',
  ID_NUMBER_INVALID: 'invalid',
  ID_NUMBER_MISMATCH: 'invalid',
  PHONE_INVALID: 'invalid',
  APPLICANT_UNDER_18: 'invalid',
  // Organizations
  ORG_NOT_FOUND: 'not_found',
  ORG_CODE_TAKEN: 'conflict',
  ORG_CYCLE: 'conflict',
  ORG_HAS_CHILDREN: 'conflict',
  ORG_KIND_NOT_ALLOWED: 'invalid',
  ORG_COMMITTEE_NOT_ALLOWED: 'invalid',
  // People, members
  MEMBER_NOT_FOUND: 'not_found',
  ID_NUMBER_TAKEN: 'conflict',
  MEMBER_ORG_NOT_BRANCH: 'invalid',
  MEMBER_ALREADY_LEFT: 'conflict',
  MEMBER_STATUS_INVALID: 'invalid',
  // Development pipeline
  DEVELOPMENT_NOT_FOUND: 'not_found',
  DEVELOPMENT_STEP_ORDER: 'invalid',
  // Meetings
  MEETING_NOT_FOUND: 'not_found',
  ATTENDANCE_INVALID: 'invalid',
  // Party dues
  DUES_BASE_MISSING: 'invalid',
  DUES_BASE_INVALID: 'invalid',
  DUES_AMOUNT_INVALID: 'invalid',
  DUES_MONTH_INVALID: 'invalid',
  DUES_NOT_COLLECTED: 'invalid',
  DUES_ALREADY_PAID: 'conflict',
  DUES_APPROVAL_OVERLAP: 'conflict',
  // Party dues in the workbook: a due amount other than the rules give, a member's month or base given twice
  DUES_AMOUNT_MISMATCH: 'invalid',
  DUES_DUPLICATE: 'conflict',
  // Study and training (学习记录, 教育培训)
  STUDY_RECORD_NOT_FOUND: 'not_found',
  TRAINING_NOT_FOUND: 'not_found',
  TRAINING_ATTENDANCE_NOT_FOUND: 'not_found',
  TRAINING_ATTENDANCE_DUPLICATE: 'conflict',
  // Honors (表彰, 命名, 推荐, 选树, 评选) and voluntary donations (自愿捐款/特殊党费)
  HONOR_NOT_FOUND: 'not_found',
  HONOR_ALREADY_REVOKED: 'conflict',
  DONATION_NOT_FOUND: 'not_found',
  // Responsibility lists and supervised tasks (主体责任清单, 任务清单, 督办): events on a completed or cancelled task
  LIST_NOT_FOUND: 'not_found',
  LIST_ITEM_NOT_FOUND: 'not_found',
  TASK_NOT_FOUND: 'not_found',
  TASK_CLOSED: 'conflict',
  // Hand-entered figure sets (another department's figures)
  FIGURE_SET_NOT_FOUND: 'not_found',
  // Service records: a person already on a team, an open report to the same community; a report already ended
  SERVICE_DUPLICATE: 'conflict',
  SERVICE_ALREADY_ENDED: 'conflict',
  // Disclosures (三务公开): the catalogue item, the disclosure, a step out of order, a period disclosed twice
  DISCLOSURE_ITEM_NOT_FOUND: 'not_found',
  DISCLOSURE_NOT_FOUND: 'not_found',
  DISCLOSURE_STEP_ORDER: 'conflict',
  DISCLOSURE_DUPLICATE: 'conflict',
  // Cadre events and the publicity ledger
  CADRE_EVENT_NOT_FOUND: 'not_found',
  PUBLICATION_NOT_FOUND: 'not_found',
  // Ratings (分类定级, 星级), 软弱涣散 cases and designations
  RATING_SCHEME_NOT_FOUND: 'not_found',
  RATING_SCHEME_CODE_TAKEN: 'conflict',
  RATING_SCHEME_BUILTIN: 'conflict',
  RATING_NOT_FOUND: 'not_found',
  RATING_DUPLICATE: 'conflict',
  RATING_ALREADY_DECIDED: 'conflict',
  WEAK_CASE_NOT_FOUND: 'not_found',
  WEAK_CASE_EXISTS: 'conflict',
  WEAK_CASE_STEP_ORDER: 'conflict',
  DESIGNATION_NOT_FOUND: 'not_found',
  DESIGNATION_ALREADY_REVOKED: 'conflict',
  // Inspections and the rectification ledger (巡察, 督查 → 整改台账)
  INSPECTION_NOT_FOUND: 'not_found',
  INSPECTION_TARGET_DUPLICATE: 'conflict',
  PROBLEM_NOT_FOUND: 'not_found',
  PROBLEM_TRANSITION_INVALID: 'conflict',
  PROBLEM_CLOSED: 'conflict',
  // Indicators and reports: an unknown indicator id, a template that cannot be read or names an unknown indicator
  INDICATOR_NOT_FOUND: 'not_found',
  TEMPLATE_NOT_FOUND: 'not_found',
  TEMPLATE_INVALID: 'invalid',
  // Import / export
  IMPORT_INVALID: 'invalid',
  WORKBOOK_UNREADABLE: 'unreadable',
  FILE_NOT_FOUND: 'not_found',
  // Demo county
  DATABASE_NOT_EMPTY: 'conflict',
  // HTTP
  ROUTE_NOT_FOUND: 'not_found',
  PAYLOAD_TOO_LARGE: 'invalid',
  UNSUPPORTED_MEDIA_TYPE: 'invalid',
  // Accounts and access
  UNAUTHENTICATED: 'unauthenticated',
  LOGIN_FAILED: 'unauthenticated',
  SESSION_EXPIRED: 'unauthenticated',
  TOKEN_INVALID: 'unauthenticated',
  CSRF_TOKEN_INVALID: 'forbidden',
  PERMISSION_DENIED: 'forbidden',
  ACCOUNT_LOCKED: 'too_many',
  RATE_LIMITED: 'too_many',
  PASSWORD_TOO_WEAK: 'invalid',
  USERNAME_TAKEN: 'conflict',
  USER_NOT_FOUND: 'not_found',
  TOKEN_NOT_FOUND: 'not_found',
  // Configuration and the rest
  // Rule engine
  SETTING_UNKNOWN: 'invalid',
  CONFIG_INVALID: 'config',
  NOT_FOUND: 'not_found',
  INTERNAL: 'internal',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof kinds;

/** One problem with one field of one record. `sheet`/`row`/`column` locate it in a workbook. */
export interface FieldIssue {
  code: ErrorCode;
  field: string;
  message: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  get kind(): ErrorKind {
    return kinds[this.code];
  }

  /** The error for a list of field issues: its code and message are the first issue's, and it carries them all. */
  static fromIssues(issues: FieldIssue[]): AppError {
    const first = issues[0];
    if (!first) return new AppError('VALIDATION_FAILED', '输入有误');
    const message = issues.length === 1 ? first.message : `${first.message}（共${issues.length}处错误）`;
    return new AppError(first.code, message, issues);
  }
}

export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unreadable':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'too_many':
      return 429;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'config':
    case 'internal':
      return 500;
  }
}

/** CLI exit codes: 0 success, 1 unexpected, 2 bad input, 3 not found, 4 conflict, 5 configuration, 6 not allowed. */
export function exitCodeOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
    case 'unreadable':
      return 2;
    case 'not_found':
      return 3;
    case 'conflict':
      return 4;
    case 'config':
      return 5;
    case 'unauthenticated':
    case 'forbidden':
    case 'too_many':
      return 6;
    case 'internal':
      return 1;
  }
}

/** Throws the collected issues, if any, as one AppError. */
export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw AppError.fromIssues(issues);
}

/** One field issue. */
export function issue(code: ErrorCode, field: string, message: string): FieldIssue {
  return { code, field, message };
}
