/** Plain-text tables that line up Chinese (full-width) and Latin characters on a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 && c <= 0xffdc ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function formatTable(headers: string[], rows: (string | number | null)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** "共12条，显示第1–10条": a page of a list, in the list's own measure words (条/份/项, 个问题 … 个). */
export function pageLine(page: { total: number; items: readonly unknown[] }, offset: number, totalWord: string, shownWord: string): string {
  const shown = page.items.length;
  return `共${page.total}${totalWord}，显示第${shown ? offset + 1 : 0}–${offset + shown}${shownWord}`;
}
