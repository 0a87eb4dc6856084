/**
 * Rating schemes: the builtins (in code, builtin-schemes.ts) and a deployment's own (rating_schemes, builtin = 0),
 * listed together; created and changed by a system administrator only, validated and audited. Every user may read
 * them (a scheme names no record).
 */
import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { accessOf } from '../access/actor.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { BUILTIN_SCHEMES, builtinScheme } from './builtin-schemes.js';
import { checkSchemeConfig } from './rating-grade.js';
import { RATING_LABELS, schemeConfig, schemeInput, schemeUpdate, type SchemeInput, type SchemeUpdate, type SchemeView } from './ratings.schema.js';

export function schemeNotFound(code: string, field = 'schemeCode'): AppError {
  const message = `评定方案“${code}”不存在`;
  return new AppError('RATING_SCHEME_NOT_FOUND', message, [{ code: 'RATING_SCHEME_NOT_FOUND', field, message }]);
}

function presentStored(r: { code: string; name: string; kind: string; config: string }): SchemeView {
  return { code: r.code, name: r.name, kind: r.kind, builtin: false, config: schemeConfig.parse(JSON.parse(r.config)) };
}

function presentBuiltin(code: string): SchemeView | undefined {
  const b = builtinScheme(code);
  return b ? { code: b.code, name: b.name, kind: b.kind, builtin: true, config: b.config } : undefined;
}

/** Every scheme: the builtins first, then the deployment's own by code. */
export async function listRatingSchemes(ctx: Ctx): Promise<SchemeView[]> {
  const rows = await ctx.db.selectFrom('rating_schemes').select(['code', 'name', 'kind', 'config']).where('builtin', '=', 0).orderBy('code').execute();
  return [...BUILTIN_SCHEMES.map((b) => presentBuiltin(b.code)!), ...rows.map(presentStored)];
}

/** The scheme with this code (RATING_SCHEME_NOT_FOUND naming `field` otherwise). */
export async function getRatingScheme(ctx: Ctx, code: string, field = 'code'): Promise<SchemeView> {
  const builtin = presentBuiltin(code);
  if (builtin) return builtin;
  const row = await ctx.db.selectFrom('rating_schemes').select(['code', 'name', 'kind', 'config']).where('code', '=', code).where('builtin', '=', 0).executeTakeFirst();
  if (!row) throw schemeNotFound(code, field);
  return presentStored(row);
}

/** The schemes by code, in one query (figures and lists read many ratings of few schemes). */
export async function schemesByCode(ctx: Ctx): Promise<Map<string, SchemeView>> {
  return new Map((await listRatingSchemes(ctx)).map((s) => [s.code, s]));
}

function assertAdmin(ctx: Ctx): void {
  if (accessOf(ctx.actor).isAdmin) return;
  const message = '只有系统管理员可以设置评定方案';
  throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'code', message }]);
}

function auditable(v: SchemeView): Record<string, unknown> {
  return { code: v.code, name: v.name, kind: v.kind, config: v.config };
}

/** Creates a deployment's own scheme (system administrator; a builtin's code or a code in use is refused). */
export async function createRatingScheme(ctx: Ctx, raw: SchemeInput): Promise<SchemeView> {
  const input = parseInput(schemeInput, raw, RATING_LABELS);
  assertAdmin(ctx);
  throwIfIssues(checkSchemeConfig(input.config));
  return inTransaction(ctx, async (tx) => {
    const taken = builtinScheme(input.code) ?? (await tx.db.selectFrom('rating_schemes').select('id').where('code', '=', input.code).executeTakeFirst());
    if (taken) {
      const message = `方案代码“${input.code}”已被${builtinScheme(input.code) ? '内置方案' : '其他方案'}使用`;
      throw new AppError('RATING_SCHEME_CODE_TAKEN', message, [{ code: 'RATING_SCHEME_CODE_TAKEN', field: 'code', message }]);
    }
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('rating_schemes')
      .values({ code: input.code, name: input.name, kind: input.kind, config: JSON.stringify(input.config), builtin: 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getRatingScheme(tx, input.code);
    await appendAudit(tx, { action: 'create', recordType: 'rating_scheme', recordId: row.id, changes: diff(null, auditable(created)) });
    return created;
  });
}

/**
 * Changes a deployment's own scheme (system administrator). A builtin cannot be changed (RATING_SCHEME_BUILTIN);
 * an indicator, veto or grade used by ratings already recorded under the scheme cannot be removed.
 */
export async function updateRatingScheme(ctx: Ctx, code: string, raw: SchemeUpdate): Promise<SchemeView> {
  const patch = parseInput(schemeUpdate, raw, RATING_LABELS);
  assertAdmin(ctx);
  if (builtinScheme(code)) {
    const message = `“${code}”是内置方案，不能修改；可以另设方案（复制后修改）`;
    throw new AppError('RATING_SCHEME_BUILTIN', message, [{ code: 'RATING_SCHEME_BUILTIN', field: 'code', message }]);
  }
  if (patch.config) throwIfIssues(checkSchemeConfig(patch.config));
  return inTransaction(ctx, async (tx) => {
    const before = await getRatingScheme(tx, code);
    const row = await tx.db.selectFrom('rating_schemes').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    if (patch.config) {
      const used = await tx.db
        .selectFrom('ratings')
        .select(['scores', 'vetoes', 'self_grade', 'final_grade'])
        .where('scheme_code', '=', code)
        .execute();
      const keys = new Set(patch.config.indicators.map((i) => i.key));
      const grades = new Set(patch.config.bands.map((b) => b.grade));
      const lost: string[] = [];
      for (const r of used) {
        for (const k of Object.keys(parseScores(r.scores).self)) if (!keys.has(k)) lost.push(`评价指标“${k}”`);
        for (const g of [r.self_grade, r.final_grade]) if (g && g !== '不定级' && !grades.has(g)) lost.push(`等次“${g}”`);
      }
      if (lost.length > 0) {
        const message = `评定方案“${code}”已有评定记录使用${[...new Set(lost)].join('、')}，不能删除`;
        throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'config', message }]);
      }
    }
    await tx.db
      .updateTable('rating_schemes')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.config !== undefined && { config: JSON.stringify(patch.config) }),
        updated_at: tx.clock.nowIso(),
      })
      .where('code', '=', code)
      .execute();
    const after = await getRatingScheme(tx, code);
    await appendAudit(tx, { action: 'update', recordType: 'rating_scheme', recordId: row.id, changes: diff(auditable(before), auditable(after)) });
    return after;
  });
}

// ── The JSON columns of ratings ─────────────────────────────────────────────────────────────────────────────────

/**
 * ratings.scores: `{"self": {indicatorKey: points}, "final": {indicatorKey: points} | null}` — the self-assessment's
 * and the superior's per-indicator points. ratings.vetoes: `{"hit": [vetoKey], "met": [requiredItemKey]}` — the veto
 * items hit and the required items (e.g. innovation_project) affirmed. Import and the demo county write the same.
 */
export interface StoredScores {
  self: Record<string, number>;
  final: Record<string, number> | null;
}
export interface StoredVetoes {
  hit: string[];
  met: string[];
}

export function parseScores(text: string | null): StoredScores {
  if (!text) return { self: {}, final: null };
  const v = JSON.parse(text) as Partial<StoredScores>;
  return { self: v.self ?? {}, final: v.final ?? null };
}

export function parseVetoes(text: string | null): StoredVetoes {
  if (!text) return { hit: [], met: [] };
  const v = JSON.parse(text) as Partial<StoredVetoes> | string[];
  if (Array.isArray(v)) return { hit: v, met: [] };
  return { hit: v.hit ?? [], met: v.met ?? [] };
}

export function storeScores(s: StoredScores): string {
  return JSON.stringify(s);
}

export function storeVetoes(v: StoredVetoes): string {
  return JSON.stringify(v);
}
