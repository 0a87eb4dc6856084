/**
 * The monitoring notice as a workbook (监测通报.xlsx): 通报汇总 (one row per organization, rates as percentages),
 * 问题清单 (every finding but the coming ones), 即将到期 (the coming ones) and 规则说明 (the rules it was judged by,
 * with their citations and how sure we are of them, and the thresholds). Written from a notice already built, so a
 * scope or input error is answered before any byte of the file.
 */
import ExcelJS from 'exceljs';
import type { Ctx } from '../context.js';
import type { RuleFinding } from './context.js';
import { describeRules } from './describe-rules.js';
import { buildNotice, LIGHT_LABELS, type Light, type Notice, type NoticeRow, type Rate } from './notice.js';
import type { RuleCatalog } from './rules.schema.js';
import { subtreeProblemCounts } from './subtree-problems.js';
import { CERTAINTY_LABELS, FAMILIES, FAMILY_LABELS, STATUS_LABELS } from './types.js';

export const NOTICE_SHEETS = ['通报汇总', '问题清单', '即将到期', '规则说明'] as const;

const PERCENT = '0.0%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const LIGHT_FILLS: Record<Light, string> = { green: 'FFC6EFCE', yellow: 'FFFFEB9C', red: 'FFFFC7CE' };

/** Builds the notice of an organization (scoped by the caller) and its workbook. */
export async function exportNotice(ctx: Ctx, opts: { orgCode?: string | undefined; period: string }): Promise<{ notice: Notice; buffer: Buffer }> {
  const notice = await buildNotice(ctx, opts);
  const catalog = await describeRules(ctx);
  return { notice, buffer: await noticeWorkbook(notice, catalog) };
}

export async function noticeWorkbook(notice: Notice, catalog: RuleCatalog): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '党建工作平台';
  summarySheet(wb, notice);
  findingSheet(wb, '问题清单', notice.findings.filter((f) => f.status !== 'upcoming'));
  findingSheet(wb, '即将到期', notice.findings.filter((f) => f.status === 'upcoming'));
  rulesSheet(wb, catalog);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

function percentCell(cell: ExcelJS.Cell, r: Rate): void {
  if (r.rate === null) {
    cell.value = '—';
    cell.alignment = { horizontal: 'right' };
  } else {
    cell.value = r.rate;
    cell.numFmt = PERCENT;
  }
}

function summarySheet(wb: ExcelJS.Workbook, n: Notice): void {
  const ws = wb.addWorksheet('通报汇总', { views: [{ state: 'frozen', ySplit: 3, xSplit: 4 }] });
  const columns: { header: string; width: number }[] = [
    { header: '排名', width: 6 },
    { header: '同级数', width: 7 },
    { header: '组织代码', width: 14 },
    { header: '组织名称', width: 40 },
    { header: '组织类别', width: 10 },
    { header: '层级', width: 6 },
    ...FAMILIES.flatMap((f) => [
      { header: `${FAMILY_LABELS[f]}落实率`, width: 12 },
      { header: `${FAMILY_LABELS[f]}应落实`, width: 10 },
      { header: `${FAMILY_LABELS[f]}已落实`, width: 10 },
    ]),
    { header: '综合落实率', width: 11 },
    { header: '状态', width: 6 },
    { header: '本级问题数', width: 8 },
    { header: '问题数（含下级）', width: 10 },
  ];
  ws.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;

  const title = ws.addRow([`${n.orgName} ${n.periodTitle} 监测通报（截至${n.asOf}）`]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, last);
  const note = ws.addRow([
    `状态：综合落实率达到${n.thresholds.greenAt}%为绿，低于${n.thresholds.redBelow}%为红，其间为黄；“—”表示本期无应落实事项。` +
      '排名在同一层级的同类组织（党委、党总支等与党支部分列）中按综合落实率排列；落实率含下级组织。',
  ]);
  note.alignment = { wrapText: true, vertical: 'top' };
  note.height = 30;
  ws.mergeCells(2, 1, 2, last);
  const header = ws.addRow(columns.map((c) => c.header));
  header.height = 32;
  styleHeader(header);

  const inSubtree = subtreeProblemCounts(n);
  for (const r of n.rows) {
    const row = ws.addRow([r.rank ?? '', r.rank === null ? '' : r.peers, r.org, r.name, r.kind, r.level]);
    row.getCell(4).alignment = { indent: Math.min(r.level, 10) };
    FAMILIES.forEach((f, i) => {
      const rate = r.families[f];
      percentCell(row.getCell(7 + i * 3), rate);
      row.getCell(8 + i * 3).value = rate.met + rate.failed;
      row.getCell(9 + i * 3).value = rate.met;
    });
    percentCell(row.getCell(last - 3), r.overall);
    statusCell(row.getCell(last - 2), r);
    row.getCell(last - 1).value = r.problems.length;
    row.getCell(last).value = inSubtree.get(r.org) ?? 0;
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: last } };
}

function statusCell(cell: ExcelJS.Cell, r: NoticeRow): void {
  if (!r.status) {
    cell.value = '—';
    return;
  }
  cell.value = LIGHT_LABELS[r.status];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILLS[r.status] } };
  cell.alignment = { horizontal: 'center' };
}

function findingSheet(wb: ExcelJS.Workbook, name: string, findings: RuleFinding[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '组织代码', key: 'org', width: 14 },
    { header: '组织名称', key: 'orgName', width: 36 },
    { header: '期间', key: 'period', width: 10 },
    { header: '规则编号', key: 'rule', width: 26 },
    { header: '类别', key: 'family', width: 14 },
    { header: '状态', key: 'status', width: 10 },
    { header: '依据', key: 'citation', width: 44 },
    { header: '可信度', key: 'certainty', width: 18 },
    { header: '说明', key: 'message', width: 80 },
    { header: '期限', key: 'dueOn', width: 12 },
    { header: '涉及人员', key: 'person', width: 10 },
  ];
  styleHeader(ws.getRow(1));
  for (const f of findings) {
    ws.addRow({
      org: f.org,
      orgName: f.orgName,
      period: f.period,
      rule: f.rule,
      family: FAMILY_LABELS[f.family],
      status: STATUS_LABELS[f.status],
      citation: f.citation,
      certainty: CERTAINTY_LABELS[f.certainty],
      message: f.message,
      dueOn: f.dueOn ?? '',
      person: f.person ?? '',
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
}

function rulesSheet(wb: ExcelJS.Workbook, catalog: RuleCatalog): void {
  const ws = wb.addWorksheet('规则说明', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '规则编号', key: 'id', width: 26 },
    { header: '规则', key: 'title', width: 44 },
    { header: '类别', key: 'family', width: 14 },
    { header: '适用组织', key: 'appliesTo', width: 30 },
    { header: '要求（按本系统设置）', key: 'requirement', width: 48 },
    { header: '违反时', key: 'enforcement', width: 14 },
    { header: '依据', key: 'citation', width: 44 },
    { header: '可信度', key: 'certainty', width: 18 },
    { header: '未核实项', key: 'unverified', width: 18 },
    { header: '是否启用', key: 'enabled', width: 9 },
  ];
  styleHeader(ws.getRow(1));
  const width = 10;
  for (const set of catalog.ruleSets) {
    const facts = [
      set.regulation,
      set.issuedOn && `${set.issuedOn}发布`,
      set.effectiveFrom && `${set.effectiveFrom}起施行`,
      `可信度：${set.certaintyLabel}`,
      set.note,
    ].filter(Boolean);
    const head = ws.addRow([`${set.title}（${facts.join('；')}）`]);
    head.font = { bold: true };
    head.alignment = { wrapText: true };
    ws.mergeCells(head.number, 1, head.number, width);
    for (const r of set.rules) {
      ws.addRow({
        id: r.id,
        title: r.title,
        family: r.familyLabel,
        appliesTo: r.appliesTo,
        requirement: r.requirement,
        enforcement: r.enforcementLabel,
        citation: r.citation,
        certainty: r.certaintyLabel,
        unverified: r.unverified.length ? `未核实：${r.unverified.join('、')}` : '',
        enabled: r.enabled ? '是' : `否${r.optional ? '（地方做法，可启用）' : ''}`,
      }).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  ws.addRow([]);
  const t = catalog.thresholds;
  const block = [
    ['通报参数'],
    ['绿色', `综合落实率达到${t.greenAt}%`],
    ['黄色', `综合落实率在${t.redBelow}%至${t.greenAt}%之间`],
    ['红色', `综合落实率低于${t.redBelow}%`],
    ['即将到期', `${t.dueDays}天内到期的事项`],
    ['落实率', '已落实 ÷（已落实 + 未落实）；尚在期限内的事项不计入'],
  ];
  for (const [i, cells] of block.entries()) {
    const row = ws.addRow(cells);
    if (i === 0) row.font = { bold: true };
  }
}
