import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeUser } from '../../../test/factories.js';
import { deletePublication } from './delete-publication.js';
import { findPublications } from './find-publications.js';
import { publicityFigures } from './publicity-figures.js';
import { recordPublication } from './record-publication.js';
import type { PublicationInput } from './publicity.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';
const piece: PublicationInput = { orgCode: B1, title: '村里的新变化', mediumLevel: '县级', mediumName: '县融媒体中心', form: '图文', theme: '乡村振兴', publishedOn: '2026-05-01' };

describe.each(ENGINES)('publicity on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('records, lists and deletes pieces, refusing bad ones, clipped to the caller, audited', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const p1 = await recordPublication(ctx, piece);
    expect(p1).toEqual({ id: p1.id, orgCode: B1, orgName: '测试村1党支部', title: '村里的新变化', mediumLevel: '县级', mediumName: '县融媒体中心', form: '图文', original: true, theme: '乡村振兴', publishedOn: '2026-05-01' });
    const p2 = await recordPublication(ctx, { ...piece, orgCode: B2, mediumLevel: '中央', mediumName: '人民日报', form: '专版', theme: '党建', publishedOn: '2026-06-01' });
    const p3 = await recordPublication(ctx, { ...piece, original: false, form: '视频', mediumLevel: '自有平台', mediumName: '支部公众号', publishedOn: '2026-07-01' });
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'b1-view', ['viewer'], B1));
    const before = await snapshotTables(ctx);
    const cases: [Ctx, PublicationInput, string, string][] = [
      [ctx, { ...piece, mediumLevel: '国家级' as '中央' }, 'VALUE_NOT_ALLOWED', 'mediumLevel'],
      [ctx, { ...piece, form: '海报' as '图文' }, 'VALUE_NOT_ALLOWED', 'form'],
      [ctx, { ...piece, publishedOn: '2026-11-24' }, 'DATE_IN_FUTURE', 'publishedOn'],
      [ctx, { ...piece, publishedOn: '1900-01-01' }, 'DATE_INVALID', 'publishedOn'],
      [ctx, { ...piece, title: '' }, 'FIELD_INVALID', 'title'],
      [ctx, { ...piece, mediumName: undefined as unknown as string }, 'FIELD_REQUIRED', 'mediumName'],
      [secretary, { ...piece, orgCode: B2 }, 'ORG_NOT_FOUND', 'orgCode'],
      [viewer, piece, 'PERMISSION_DENIED', 'orgCode'],
    ];
    for (const [who, input, code, field] of cases) {
      const e = await failure(recordPublication(who, input));
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
    }
    expect((await failure(deletePublication(secretary, p2.id))).code).toBe('PUBLICATION_NOT_FOUND');
    expect((await failure(deletePublication(viewer, p1.id))).code).toBe('PERMISSION_DENIED');
    expect(await snapshotTables(ctx)).toEqual(before);

    const ids = async (who: Ctx, q: Parameters<typeof findPublications>[1]) => (await findPublications(who, q)).items.map((p) => p.id);
    expect(await ids(ctx, {})).toEqual([p3.id, p2.id, p1.id]);
    expect(await ids(ctx, { mediumLevel: '中央' })).toEqual([p2.id]);
    expect(await ids(ctx, { theme: '振兴', form: '图文' })).toEqual([p1.id]);
    expect(await ids(ctx, { from: '2026-06-01', to: '2026-06-30' })).toEqual([p2.id]);
    expect(await ids(secretary, {})).toEqual([p3.id, p1.id]);
    expect((await failure(findPublications(secretary, { org: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await deletePublication(secretary, p3.id)).id).toBe(p3.id);
    expect(await ids(ctx, {})).toEqual([p2.id, p1.id]);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('record_type', '=', 'publication').orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['create', 'create', 'create', 'delete']);
  });

  it('computes the publicity figures against counts made by hand, in a fixed number of queries', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const counted = async () => {
      const c = countingCtx(ctx);
      await publicityFigures(c.ctx, { period: '2026', orgCode: 'C' });
      return c.queries();
    };
    const empty = await counted();
    const add = (more: Partial<PublicationInput>) => recordPublication(ctx, { ...piece, ...more });
    await add({ mediumLevel: '中央', mediumName: '人民日报' });
    await add({ mediumLevel: '省级', mediumName: '省报', form: '视频' });
    await add({ mediumLevel: '市（州）级', mediumName: '州报', form: '专版', orgCode: B2 });
    await add({ mediumLevel: '县级' });
    await add({ mediumLevel: '其他主流', mediumName: '学习强国' });
    await add({ mediumLevel: '自有平台', mediumName: '公众号' });
    await add({ mediumLevel: '自有平台', mediumName: '公众号', original: false });
    await add({ mediumLevel: '自有平台', mediumName: '视频号', form: '微视频' });
    await add({ mediumLevel: '自有平台', mediumName: '视频号', form: '视频', original: false });
    await add({ mediumLevel: '自有平台', mediumName: '视频号', form: '直播', original: false });
    await add({ mediumLevel: '县级', mediumName: '县广播电台', form: '广播' });
    await add({ mediumLevel: '中央', mediumName: '人民日报', publishedOn: '2025-12-31' });
    const values = async (period: string, orgCode?: string) =>
      Object.fromEntries((await publicityFigures(ctx, { period, ...(orgCode && { orgCode }) })).figures.map((f) => [f.id, f.value]));
    expect(await values('2026')).toEqual({
      media_items_all_levels: 6,
      media_items_central: 1,
      media_items_provincial: 1,
      media_items_prefectural: 1,
      media_items_central_prov_pref: 3,
      media_items_other_mainstream: 1,
      new_media_posts: 2,
      publicity_original_items: 2, // the 自有平台 原创 图文 and 微视频
      publicity_reposted_articles: 1,
      publicity_reposted_videos: 1,
      publicity_reposted_livestreams: 1,
      publicity_items_total: 11,
      videos_produced: 1,
      micro_videos_published: 1,
      special_pages_published: 1,
      broadcast_episodes: 1,
    });
    expect((await values('2026', B2)).publicity_items_total).toBe(1);
    expect((await values('2025')).media_items_central).toBe(1);
    expect(await counted()).toBe(empty);
  });
});
