/**
 * The 干部工作 and 宣传报道 sheets. The cadres and publicity modules hold no schema yet, so the rows are checked here
 * with the vocabularies of vocab.ts: a cadre event of an organization, on a person by name (a member by ID number,
 * the name beside it checked, under the organization), dated not after today; a piece published by an
 * organization, with its medium level and form.
 */
import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { CADRE_EVENT_KINDS, EDUCATIONS, MEDIUM_LEVELS, PUBLICATION_FORMS } from '../../shared/vocab.js';
import type { LedgerRefs } from './ledger-refs.js';
import type { ParsedRow } from './sheet-collector.js';
import { checkRow, date, enumOf, note, optionalText, orgCodeCell, text } from './sheet-fields.js';
import { SHEETS, type CadreEventValues, type PublicationValues } from './workbook-format.js';

export interface PlannedCadreEvent {
  orgCode: string;
  idNumber: string | null;
  personName: string;
  kind: string;
  subkind: string | null;
  happenedOn: string;
  frontline: boolean;
  batch: string | null;
  birthYear: number | null;
  education: string | null;
  note: string | null;
}
export interface PlannedPublication {
  orgCode: string;
  title: string;
  mediumLevel: string;
  mediumName: string;
  form: string;
  original: boolean;
  theme: string | null;
  publishedOn: string;
}

export interface CadreRows {
  cadreEvents: ParsedRow<CadreEventValues>[];
  publications: ParsedRow<PublicationValues>[];
}
export interface PlannedCadres {
  cadreEvents: PlannedCadreEvent[];
  publications: PlannedPublication[];
}

const cadreRow = z.object({
  orgCode: orgCodeCell, idNumber: z.string().nullish(), name: text(50), kind: enumOf(CADRE_EVENT_KINDS), subkind: optionalText(50), happenedOn: date,
  frontline: z.boolean().nullish(), batch: optionalText(50), birthYear: z.number().int().min(1900, { message: '应为1900年以后的年份' }).max(2100).nullish(),
  education: enumOf(EDUCATIONS).nullish(), note,
});
const publicationRow = z.object({
  orgCode: orgCodeCell, title: text(200), mediumLevel: enumOf(MEDIUM_LEVELS), mediumName: text(100), form: enumOf(PUBLICATION_FORMS), original: z.boolean().nullish(),
  theme: optionalText(100), publishedOn: date,
});

export function checkCadreSheets(rows: CadreRows, refs: LedgerRefs, issues: FieldIssue[]): PlannedCadres {
  const out: PlannedCadres = { cadreEvents: [], publications: [] };
  for (const row of rows.cadreEvents) {
    const data = checkRow(cadreRow, SHEETS.cadreEvents, row, issues, (v, found) => {
      const org = refs.org(v.orgCode, 'orgCode', found);
      const member = refs.member(v, found, false);
      if (member && org && refs.orgs.has(member.orgCode) && !refs.isUnder(member.orgCode, org.code)) {
        found.push(issue('FIELD_INVALID', 'idNumber', `${member.name}（${member.orgCode}）不在${org.code}及其下级组织，不能记入该组织的干部工作`));
      }
      refs.notFuture(v.happenedOn, 'happenedOn', '日期', found);
      if (v.birthYear && v.happenedOn && v.birthYear > Number(v.happenedOn.slice(0, 4)) - 16) {
        found.push(issue('FIELD_INVALID', 'birthYear', `出生年份${v.birthYear}与日期${v.happenedOn}不符`));
      }
    });
    if (data) {
      out.cadreEvents.push({
        orgCode: data.orgCode, idNumber: data.idNumber ?? null, personName: data.name, kind: data.kind, subkind: data.subkind ?? null, happenedOn: data.happenedOn,
        frontline: data.frontline ?? false, batch: data.batch ?? null, birthYear: data.birthYear ?? null, education: data.education ?? null, note: data.note || null,
      });
    }
  }
  for (const row of rows.publications) {
    const data = checkRow(publicationRow, SHEETS.publications, row, issues, (v, found) => {
      refs.org(v.orgCode, 'orgCode', found);
      refs.notFuture(v.publishedOn, 'publishedOn', '刊发日期', found);
    });
    if (data) {
      out.publications.push({
        orgCode: data.orgCode, title: data.title, mediumLevel: data.mediumLevel, mediumName: data.mediumName, form: data.form, original: data.original ?? true,
        theme: data.theme ?? null, publishedOn: data.publishedOn,
      });
    }
  }
  return out;
}
