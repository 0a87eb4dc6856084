/**
 * The API's types, shared with the server by type-only imports of its zod schemas and result types (erased at build:
 * nothing of the server reaches the browser bundle). When a view changes on the server, the UI stops compiling.
 */
export type { UserView } from '../../../src/modules/users/users.schema.js';
export type { OrgTreeNode, OrgView } from '../../../src/modules/orgs/orgs.schema.js';
export type { Notice, NoticeRow, Rate, Light } from '../../../src/rules/notice.js';
export type { ReportDocument, Section, Paragraph, Inline, FigureInline, AppendixRow } from '../../../src/reports/document.js';
export type { LedgerFiguresView } from '../../../src/modules/figures/figures.schema.js';
export type { Role } from '../../../src/modules/access/actor.js';

export interface Page<T> {
  total: number;
  items: T[];
}
