/**
 * The publicity figures of an organization's subtree for a reporting period (catalog ids of
 * ../shared/indicators/seed-indicator-ids.jsonl, source_record `publication`), from the pieces published in the
 * period, in one query (plus the organization's lookup). Every figure counts pieces (records).
 *
 * Decisions, stated once: mainstream media are the levels 中央, 省级, 市（州）级, 县级 and 其他主流 (not 自有平台, the
 * organization's own channels); "original items" are 原创 图文, 视频 and 微视频 on the organization's own channels.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { Figure, FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { rootOf } from '../dues/dues-ledger.js';
import { subtreeUpperBound } from '../orgs/tree.js';

interface Row {
  id: number;
  medium_level: string;
  form: string;
  original: number;
}

const MAINSTREAM = ['中央', '省级', '市（州）级', '县级', '其他主流'];

export async function publicityFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const rows: Row[] = await ctx.db
    .selectFrom('publications as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.medium_level', 'p.form', 'p.original'])
    .where(root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`)
    .where('p.published_on', '>=', period.start)
    .where('p.published_on', '<=', period.end)
    .orderBy('p.id')
    .execute();
  const count = (id: string, label: string, unit: string, pick: (r: Row) => boolean, computation: string): Figure => {
    const list = rows.filter(pick);
    return { id, label, unit, value: list.length, computation, evidence: { table: 'publications', ids: list.map((r) => r.id) } };
  };
  const level = (...levels: string[]) => (r: Row) => levels.includes(r.medium_level);
  const reposted = (...forms: string[]) => (r: Row) => r.original === 0 && forms.includes(r.form);
  const figures: Figure[] = [
    count('media_items_all_levels', '各级主流媒体用稿', '篇（条）', level(...MAINSTREAM), `期内刊发于${MAINSTREAM.join('、')}媒体的稿件条数（自有平台不计）`),
    count('media_items_central', '中央媒体用稿', '篇（条）', level('中央'), '期内刊发于中央媒体的稿件条数'),
    count('media_items_provincial', '省级媒体用稿', '篇（条）', level('省级'), '期内刊发于省级媒体的稿件条数'),
    count('media_items_prefectural', '市（州）级媒体用稿', '篇（条）', level('市（州）级'), '期内刊发于市（州）级媒体的稿件条数'),
    count('media_items_central_prov_pref', '中央、省、市（州）级媒体用稿', '篇（条）', level('中央', '省级', '市（州）级'), '期内刊发于中央、省级、市（州）级媒体的稿件条数'),
    count('media_items_other_mainstream', '其他主流媒体用稿', '篇（条）', level('其他主流'), '期内刊发于其他主流媒体（如学习强国等平台）的稿件条数'),
    count('new_media_posts', '新媒体推送', '篇', (r) => r.medium_level === '自有平台' && r.form === '图文', '期内在自有平台（微信公众号等）推送的图文条数（原创和转载）'),
    count(
      'publicity_original_items',
      '原创图文、视频报道',
      '篇（条）',
      (r) => r.original === 1 && r.medium_level === '自有平台' && ['图文', '视频', '微视频'].includes(r.form),
      '期内在自有平台刊发的原创图文、视频、微视频条数',
    ),
    count('publicity_reposted_articles', '转载图文', '条', reposted('图文'), '期内转载的图文条数'),
    count('publicity_reposted_videos', '转载视频', '条', reposted('视频', '微视频'), '期内转载的视频、微视频条数'),
    count('publicity_reposted_livestreams', '转载直播', '场次', reposted('直播'), '期内转载的直播场次'),
    count('publicity_items_total', '发稿总量', '篇', () => true, '期内登记的全部稿件（原创和转载、各级媒体和自有平台、各种形式）条数'),
    count('videos_produced', '制作党建视频', '期', (r) => r.original === 1 && r.form === '视频', '期内原创视频条数'),
    count('micro_videos_published', '发布微视频', '部', (r) => r.form === '微视频', '期内刊发的微视频条数（原创和转载）'),
    count('special_pages_published', '报纸专版', '个', (r) => r.form === '专版', '期内刊发的专版个数'),
    count('broadcast_episodes', '广播节目', '期', (r) => r.form === '广播', '期内播出的广播节目期数'),
  ];
  return { org, period, figures };
}
