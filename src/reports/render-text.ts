/**
 * The report as Markdown and as HTML. In HTML each figure links to its line of the appendix (数据说明), which links to
 * the records behind it (the API's evidence of the indicator for the same organization and period).
 */
import type { Inline, Paragraph, ReportDocument, Section } from './document.js';

function inlineMd(p: Inline): string {
  if (p.type === 'text') return p.text;
  if (p.type === 'narrative') return p.text || `【待撰写：${p.hint}】`;
  return `${p.display || '**'}[^${p.ref}]`;
}

function paragraphMd(p: Paragraph): string {
  const text = `${p.opener ?? ''}${p.parts.map(inlineMd).join('')}`;
  return p.drafted ? `${text}（系统草拟，请核改）` : text;
}

function sectionMd(s: Section): string[] {
  const hashes = '#'.repeat(s.level + 1);
  return [`${hashes} ${s.number}${s.title}`, '', ...s.body.flatMap((p) => [paragraphMd(p), '']), ...s.children.flatMap(sectionMd)];
}

const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(doc: ReportDocument): string {
  const lines = [`# ${doc.title}`, '', ...doc.lead.flatMap((p) => [paragraphMd(p), '']), ...doc.sections.flatMap(sectionMd)];
  lines.push(`${doc.signature.org}`, '', `${doc.signature.date}`, '');
  lines.push('## 附：数据说明', '');
  lines.push(`统计范围：${doc.org.name}（${doc.org.code}）及所属组织；统计期：${doc.period.title}（${doc.period.start}至${doc.period.end}）。`, '');
  lines.push('| 序号 | 指标 | 数值 | 计算方法 | 记录数 | 来源 |', '|---|---|---|---|---|---|');
  for (const r of doc.appendix) {
    lines.push(`| ${r.ref} | ${cell(r.label)}（${r.id}） | ${cell(r.display)}${r.value === null ? '' : cell(r.unit)} | ${cell(r.computation)} | ${r.records} | ${cell(r.source)} |`);
  }
  lines.push('');
  for (const r of doc.appendix) lines.push(`[^${r.ref}]: ${r.label}：${r.display}（${r.source}，依据${r.records}条记录）`);
  return `${lines.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface HtmlOptions {
  /** The link to the records behind a figure, e.g. /api/indicators/ID?org=C&period=2026&evidence=true; none when absent. */
  evidenceHref?: (id: string) => string;
}

export function renderHtml(doc: ReportDocument, opts: HtmlOptions = {}): string {
  const inline = (p: Inline): string => {
    if (p.type === 'text') return esc(p.text);
    if (p.type === 'narrative') {
      return p.text ? `<span class="narrative" data-key="${p.key}">${esc(p.text)}</span>` : `<mark class="narrative" data-key="${p.key}">【待撰写：${esc(p.hint)}】</mark>`;
    }
    const title = `${p.label}：${p.computation}（${p.evidence.count}条记录）`;
    return `<a class="figure${p.manual ? ' manual' : ''}" href="#ref-${p.ref}" title="${esc(title)}" data-indicator="${p.id}">${esc(p.display || '**')}</a>`;
  };
  const para = (p: Paragraph) =>
    `<p${p.drafted ? ' class="drafted" title="系统根据规则检查结果草拟，请核改"' : ''}>${p.opener ? `<b>${esc(p.opener)}</b>` : ''}${p.parts.map(inline).join('')}</p>`;
  const section = (s: Section): string =>
    `<section><h${s.level + 1}>${esc(s.number + s.title)}</h${s.level + 1}>${s.body.map(para).join('')}${s.children.map(section).join('')}</section>`;
  const rows = doc.appendix
    .map((r) => {
      const records = opts.evidenceHref && r.records > 0 ? `<a href="${esc(opts.evidenceHref(r.id))}">${r.records}</a>` : String(r.records);
      return `<tr id="ref-${r.ref}"><td>${r.ref}</td><td>${esc(r.label)}<br><code>${r.id}</code></td><td>${esc(r.display)}${r.value === null ? '' : esc(r.unit)}</td><td>${esc(r.computation)}</td><td>${records}</td><td>${esc(r.source)}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>
body{max-width:48em;margin:2em auto;font-family:"FangSong","仿宋_GB2312","Noto Serif CJK SC",serif;font-size:16pt;line-height:1.8}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;text-align:center;font-size:22pt;font-weight:normal}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal}
h3{font-family:"KaiTi","楷体_GB2312","Noto Serif CJK SC",serif;font-size:16pt;font-weight:normal}
h4,h5{font-size:16pt}
p{text-indent:2em;margin:0} a.figure{color:#a40000;text-decoration:none;border-bottom:1px dotted} a.figure.manual{color:#7a4b00}
mark.narrative{background:#fff3b0} p.drafted{background:#f2f2f2}
.signature{text-align:right;margin-top:2em}
table{border-collapse:collapse;font-size:11pt;line-height:1.4;width:100%} td,th{border:1px solid #999;padding:2px 4px;vertical-align:top}
</style></head><body>
<h1>${esc(doc.title)}</h1>
${doc.lead.map(para).join('\n')}
${doc.sections.map(section).join('\n')}
<div class="signature"><p>${esc(doc.signature.org)}</p><p>${esc(doc.signature.date)}</p></div>
<h2>附：数据说明</h2>
<p>统计范围：${esc(doc.org.name)}（${esc(doc.org.code)}）及所属组织；统计期：${esc(doc.period.title)}（${doc.period.start}至${doc.period.end}）。生成时间：${esc(doc.generatedAt)}。</p>
<table><thead><tr><th>序号</th><th>指标</th><th>数值</th><th>计算方法</th><th>记录数</th><th>来源</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>
`;
}
