import { createDeduplicator, secretMatches, tagsForEvent, webhookEvent, type WebhookEvent } from '../revalidation';

const article = {
  documentId: 'art1',
  slug: 'night-ferry',
  locale: 'en',
  publishedAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  authors: [{ documentId: 'au1' }, { documentId: 'au2' }],
  tags: [{ documentId: 'tg1' }],
  section: { documentId: 'se1' },
  series: { documentId: 'sr1' },
};
// Events as Strapi sends them, before parsing.
const event = (e: { event: WebhookEvent['event']; entry?: unknown }): WebhookEvent =>
  webhookEvent.parse({ uid: 'api::article.article', entry: article, ...e });

describe('which pages an event refreshes', () => {
  it('publishing an article refreshes its page, its series, authors, section and tags, the home page, feeds and sitemaps', () => {
    expect(tagsForEvent(event({ event: 'entry.publish' }))).toEqual([
      'article-lists',
      'article:en:night-ferry',
      'author:au1',
      'author:au2',
      'section:se1',
      'series:sr1',
      'tag:tg1',
    ]);
  });

  it('republishing after a move also refreshes the lists the article left', () => {
    const moved = tagsForEvent(event({ event: 'entry.publish' }), { section: 'se0', authors: ['au9'], tags: [], series: null });
    expect(moved).toEqual(expect.arrayContaining(['section:se0', 'author:au9', 'section:se1']));
  });

  it('unpublishing or deleting an article, which arrives without relations, refreshes its page and every list', () => {
    // As Strapi 5 sends them: relations only counted.
    const bare = {
      documentId: 'art1',
      slug: 'night-ferry',
      locale: 'en',
      publishedAt: null,
      authors: { count: 2 },
      tags: { count: 1 },
      section: { count: 1 },
      series: { count: 0 },
    };
    for (const name of ['entry.unpublish', 'entry.delete'] as const) {
      expect(tagsForEvent(event({ event: name, entry: bare }))).toEqual(['any-article-list', 'article-lists', 'article:en:night-ferry']);
    }
    expect(
      tagsForEvent(event({ event: 'entry.unpublish', entry: bare }), { section: 'se1', authors: ['au1'], tags: ['tg1'], series: 'sr1' }),
    ).toEqual(['article-lists', 'article:en:night-ferry', 'author:au1', 'section:se1', 'series:sr1', 'tag:tg1']);
  });

  it('a draft-only save refreshes nothing', () => {
    const draft = { ...article, publishedAt: null };
    expect(tagsForEvent(event({ event: 'entry.update', entry: draft }))).toEqual([]);
    expect(tagsForEvent(event({ event: 'entry.create', entry: draft }))).toEqual([]);
    expect(tagsForEvent(event({ event: 'entry.update', entry: null }))).toEqual([]);
  });

  it('tolerates a publish event whose entry is null', () => {
    expect(tagsForEvent(event({ event: 'entry.publish', entry: null }))).toEqual(['any-article-list', 'article-lists']);
  });

  it('an author, series, section or tag refreshes every page that shows it', () => {
    const entry = { documentId: 'x1', slug: 'x', locale: 'zh', publishedAt: '2026-11-28T10:00:00.000Z' };
    const of = (uid: string) => tagsForEvent(webhookEvent.parse({ event: 'entry.publish', uid, entry }));
    expect(of('api::author.author')).toEqual(['author-slug:zh:x', 'author:x1']);
    expect(of('api::series.series')).toEqual(['series-lists', 'series-slug:zh:x', 'series:x1']);
    expect(of('api::section.section')).toEqual(['section-names', 'section-slug:zh:x', 'section:x1']);
    expect(of('api::tag.tag')).toEqual(['tag-names', 'tag-slug:zh:x', 'tag:x1']);
    expect(of('api::page.page')).toEqual(['page-slug:zh:x', 'page:x1']);
    expect(of('api::editors-note.editors-note')).toEqual(['editors-notes']);
    expect(of('api::site.site')).toEqual(['site']);
    expect(of('plugin::upload.file')).toEqual([]);
  });

  it('a pinned or blocked search term refreshes the Search Trends boxes pages render', () => {
    for (const event of ['entry.create', 'entry.update', 'entry.delete'] as const) {
      const rule = { documentId: 'r1', locale: 'en', term: 'storm surge', rule: 'block' };
      expect(tagsForEvent(webhookEvent.parse({ event, uid: 'api::trend-rule.trend-rule', entry: rule }))).toEqual(['search-trends']);
    }
  });

  it("a slug redirect refreshes the page cached at the article's former address", () => {
    const redirect = { documentId: 'r2', slug: 'old-slug', language: 'zh', targetDocumentId: 'art1' };
    expect(tagsForEvent(webhookEvent.parse({ event: 'entry.create', uid: 'api::slug-redirect.slug-redirect', entry: redirect }))).toEqual([
      'article:zh:old-slug',
    ]);
  });

  it('rejects junk bodies', () => {
    for (const junk of [
      null,
      {},
      { event: 'entry.explode', uid: 'x', entry: null },
      { event: 'entry.publish', uid: '', entry: {} },
      { event: 'entry.publish', uid: 'a', entry: 'x' },
    ]) {
      expect(webhookEvent.safeParse(junk).success).toBe(false);
    }
  });
});

describe('webhook plumbing', () => {
  it('accepts only the exact secret', () => {
    expect(secretMatches('s3cret', 's3cret')).toBe(true);
    expect(secretMatches('s3cret ', 's3cret')).toBe(false);
    expect(secretMatches('', 's3cret')).toBe(false);
    expect(secretMatches(null, 's3cret')).toBe(false);
    expect(secretMatches('a-much-longer-guess-than-the-secret', 's3cret')).toBe(false);
  });

  it("treats Strapi 5's double announcement of one change as one, but a later publish as new", () => {
    let clock = 0;
    const isDuplicate = createDeduplicator(5_000, () => clock);
    const first = event({ event: 'entry.publish' });
    expect(isDuplicate(first)).toBe(false);
    expect(isDuplicate(first)).toBe(true);
    expect(isDuplicate(event({ event: 'entry.publish', entry: { ...article, publishedAt: '2026-11-28T10:00:05.000Z' } }))).toBe(false);
    clock = 10_000;
    expect(isDuplicate(first)).toBe(false);
  });
});
