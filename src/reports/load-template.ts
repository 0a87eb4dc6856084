/**
 * Finding a report template: one of the built-in genres by name (templates/reports/<name>.md in the installation, or
 * in the folder DANGJIAN_REPORT_TEMPLATES names — a deployment's own copies take precedence), or, from the command
 * line only, a file path. The HTTP API takes names only: a request never names a file on the server.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors.js';
import { findIndicator } from '../indicators/registry.js';
import { parseTemplate, templateFigureIds, type ReportTemplate } from './template.js';

/** The built-in genres, in the order they are offered. */
export const GENRES = ['annual', 'half-year', 'responsibility', 'secretary'] as const;
export const GENRE_LABELS: Record<(typeof GENRES)[number], string> = {
  annual: '年度党建工作报告',
  'half-year': '半年情况报告',
  responsibility: '落实全面从严治党主体责任情况报告',
  secretary: '书记抓基层党建述职报告',
};

/** templates/reports of the installation (src/reports → ../../templates, dist/reports → ../../templates). */
export const BUILTIN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates', 'reports');

function templateDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const own = env.DANGJIAN_REPORT_TEMPLATES?.trim();
  return own ? [resolve(own), BUILTIN_DIR] : [BUILTIN_DIR];
}

/** The templates available by name: the built-in genres and a deployment's own. */
export function templateNames(env: NodeJS.ProcessEnv = process.env): { name: string; title: string; file: string }[] {
  const out = new Map<string, { name: string; title: string; file: string }>();
  for (const dir of templateDirs(env).reverse()) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
      const name = basename(f, '.md');
      const file = join(dir, f);
      let title = name;
      try {
        title = parseTemplate(readFileSync(file, 'utf8'), f).name;
      } catch {
        title = `${name}（模板有误）`;
      }
      out.set(name, { name, title, file });
    }
  }
  return [...out.values()].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

function rank(name: string): number {
  const i = (GENRES as readonly string[]).indexOf(name);
  return i < 0 ? GENRES.length : i;
}

export interface LoadedTemplate {
  key: string;
  template: ReportTemplate;
}

function notFound(name: string): AppError {
  const names = templateNames().map((t) => `${t.name}（${t.title}）`);
  const message = `报告模板“${name}”不存在，可用的有：${names.join('、')}`;
  return new AppError('TEMPLATE_NOT_FOUND', message, [{ code: 'TEMPLATE_NOT_FOUND', field: 'template', message }]);
}

/**
 * A template by name, or (allowFile) a path to a file. TEMPLATE_INVALID names the line of a template that cannot be
 * read, or an indicator it refers to that does not exist.
 */
export function loadTemplate(nameOrPath: string, opts: { allowFile: boolean }): LoadedTemplate {
  const text = nameOrPath.trim();
  let file: string;
  let key: string;
  if (/^[a-z0-9][a-z0-9-]*$/.test(text)) {
    const found = templateNames().find((t) => t.name === text);
    if (!found) throw notFound(text);
    file = found.file;
    key = text;
  } else if (opts.allowFile && (text.endsWith('.md') || text.includes('/'))) {
    file = resolve(text);
    if (!existsSync(file)) {
      const message = `报告模板文件“${text}”不存在`;
      throw new AppError('TEMPLATE_NOT_FOUND', message, [{ code: 'TEMPLATE_NOT_FOUND', field: 'template', message }]);
    }
    key = basename(file, '.md');
  } else {
    throw notFound(text);
  }
  const template = parseTemplate(readFileSync(file, 'utf8'), basename(file));
  const unknown = templateFigureIds(template).filter((r) => !findIndicator(r.id));
  if (unknown.length) {
    const message = `报告模板“${basename(file)}”引用了不存在的指标：${[...new Set(unknown.map((u) => u.id))].join('、')}（用 dangjian indicators 查看全部指标）`;
    throw new AppError('TEMPLATE_INVALID', message, [{ code: 'TEMPLATE_INVALID', field: 'template', message }]);
  }
  return { key, template };
}
