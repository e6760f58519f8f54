import fs from 'fs';
import path from 'path';
import { siteChange, type SiteChange } from '@newsroom/contract/schemas';
import { tagsForChange } from '../revalidation';
import { secretMatches } from '../secrets';

// Change events as the CMS sends them, recorded from the real Strapi by cms/tests/site-changes.test.ts
// (documentIds replaced by readable labels), read through the contract's schema.
const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'site-changes');
const recorded = (name: string): SiteChange[] =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')).map((event: unknown) => siteChange.parse(event));
const tagsOf = (name: string) => recorded(name).map(tagsForChange);

describe('which pages a change event refreshes', () => {
  it('a first publish refreshes the article, its section, byline and tags, and the latest-article lists', () => {
    expect(tagsOf('article-first-publish')).toEqual([
      [
        'article:en:harbour-pilots-vote-to-strike',
        'author:author-mara-okafor',
        'latest-articles',
        'section:section-city',
        'tag:tag-harbour',
      ],
    ]);
  });

  it('a republish at the same address refreshes the same pages again', () => {
    expect(tagsOf('article-republish')).toEqual([
      [
        'article:en:harbour-pilots-vote-to-strike',
        'author:author-mara-okafor',
        'latest-articles',
        'section:section-city',
        'tag:tag-harbour',
      ],
    ]);
  });

  it('a move refreshes the lists the article left and the lists it joined: section, series, byline and tags', () => {
    expect(tagsOf('article-moved')).toEqual([
      [
        'article:en:harbour-pilots-vote-to-strike',
        'author:author-mara-okafor',
        'author:author-tomas-lindqvist',
        'author:author-wen-huang',
        'latest-articles',
        'section:section-city',
        'section:section-economy',
        'series:series-the-tideline-question',
        'tag:tag-budget',
        'tag:tag-harbour',
      ],
    ]);
  });

  it('a rename refreshes the old address and the new one, and the redirect refreshes the old one', () => {
    const [redirect, article] = tagsOf('article-renamed');
    expect(redirect).toEqual(['article:en:harbour-pilots-vote-to-strike']);
    expect(article).toEqual([
      'article:en:harbour-pilots-strike-vote',
      'article:en:harbour-pilots-vote-to-strike',
      'author:author-tomas-lindqvist',
      'author:author-wen-huang',
      'latest-articles',
      'section:section-economy',
      'series:series-the-tideline-question',
      'tag:tag-budget',
    ]);
  });

  it('an unpublish or a delete refreshes every page that showed the article, known from the event alone', () => {
    const shown = [
      'article:en:harbour-pilots-strike-vote',
      'author:author-tomas-lindqvist',
      'author:author-wen-huang',
      'latest-articles',
      'section:section-economy',
      'series:series-the-tideline-question',
      'tag:tag-budget',
    ];
    expect(tagsOf('article-unpublished')).toEqual([shown]);
    expect(tagsOf('article-deleted')).toEqual([shown]);
  });

  it('a change in another locale refreshes that locale’s pages', () => {
    const [tags] = tagsOf('article-zh-republish');
    expect(tags).toContain('article:zh:council-approves-night-ferry-trial');
    expect(tags).not.toContain('article:en:council-approves-night-ferry-trial');
  });

  it('an author, section, tag, series or page refreshes every page that shows it, by id and by address', () => {
    const [[author], [sectionTags], [tagTags], [seriesTags], [pageTags]] = [
      tagsOf('author-published'),
      tagsOf('section-renamed'),
      tagsOf('tag-renamed'),
      tagsOf('series-published'),
      tagsOf('page-published'),
    ];
    expect(author).toEqual(['author-slug:en:wen-huang', 'author:author-wen-huang']);
    expect(sectionTags).toEqual(['section-names', 'section-slug:en:culture', 'section:section-culture']);
    expect(tagTags).toEqual(['tag-names', 'tag-slug:en:arts', 'tag-slug:en:the-arts', 'tag:tag-arts']);
    expect(seriesTags).toEqual(['series-lists', 'series-slug:en:the-tideline-question', 'series:series-the-tideline-question']);
    expect(pageTags).toEqual([expect.stringMatching(/^page-slug:en:terms$/), expect.stringMatching(/^page:/)]);
  });

  it('an editor’s note, the site settings and a trend rule refresh what shows them', () => {
    expect(tagsOf('editors-note-published')).toEqual([['editors-notes']]);
    expect(tagsOf('site-published')).toEqual([['site']]);
    expect(tagsOf('trend-rule-created')).toEqual([['search-trends']]);
    expect(tagsOf('trend-rule-deleted')).toEqual([['search-trends']]);
  });

  it('a change readers cannot see refreshes nothing', () => {
    const [published] = recorded('article-first-publish');
    expect(tagsForChange({ ...published, before: published.after })).toEqual([]);
    expect(tagsForChange({ ...published, before: null, after: null })).toEqual([]);
  });

  it('refuses bodies that are not change events of the CMS', () => {
    const [valid] = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'article-first-publish.json'), 'utf8'));
    for (const junk of [
      null,
      {},
      { ...valid, event: 'entry.explode' },
      { ...valid, uid: 'plugin::upload.file' },
      { ...valid, documentId: '' },
      { ...valid, before: 'x' },
      { ...valid, after: { slug: 'x' } },
      // What Strapi's own webhook sent before the CMS sent change events.
      { event: 'entry.publish', uid: 'api::article.article', entry: { documentId: 'x', slug: 'y' } },
    ]) {
      expect(siteChange.safeParse(junk).success).toBe(false);
    }
  });
});

describe('the shared secret', () => {
  it('accepts only the exact secret', () => {
    expect(secretMatches('s3cret', 's3cret')).toBe(true);
    expect(secretMatches('s3cret ', 's3cret')).toBe(false);
    expect(secretMatches('', 's3cret')).toBe(false);
    expect(secretMatches(null, 's3cret')).toBe(false);
    expect(secretMatches('a-much-longer-guess-than-the-secret', 's3cret')).toBe(false);
  });
});
