import latest from '../../../test/fixtures/latest-articles.json';
import { article, articleSummary, listOf } from '../schemas';

// The fixture is a response recorded from the real Strapi with the query ARTICLE_SUMMARY_QUERY builds.
describe('parsing Strapi article lists', () => {
  const page = listOf(articleSummary).parse(latest);

  it("turns each article into the app's own type, with dates as Dates", () => {
    expect(page.items).toHaveLength(3);
    const [first] = page.items;
    expect(first).toMatchObject({
      id: 'b7z8lxajmuwh8klbdgvgaceb',
      slug: 'opinion-the-ferry-trial-should-be-permanent',
      title: 'The night ferry trial should not need a trial',
      format: 'commentary',
      locale: 'en',
      authors: [{ name: 'Wen Huang', slug: 'wen-huang' }],
      section: { name: 'Opinion', slug: 'opinion' },
    });
    expect(first.firstPublished).toEqual(new Date('2026-11-28T13:57:17.407Z'));
    expect(first.updated).toEqual(new Date('2026-11-28T13:57:17.407Z'));
  });

  it('keeps the cover figure with its caption, credit, alt text and size', () => {
    expect(page.items[0].cover).toEqual({
      src: '/uploads/cover_opinion_the_ferry_trial_should_be_permanent_349c3b35c9.jpg',
      width: 1600,
      height: 900,
      alt: 'An empty floating pontoon lit by a single lamp at night',
      caption: 'The Westbank pontoon, where the last ferry now leaves at 11pm.',
      credit: 'Ledger Photo Desk',
    });
  });

  it('carries the pagination Strapi reports', () => {
    expect(page).toMatchObject({ page: 1, pageSize: 3, total: 13, pageCount: 5 });
  });

  it('shows an updated time later than the first-published time when the article was updated', () => {
    const updated = page.items.find((a) => a.slug === 'tideline-a-city-that-learns-to-flood');
    expect(updated).toBeDefined();
    expect(updated!.updated.getTime()).toBeGreaterThan(updated!.firstPublished.getTime());
  });

  it('refuses a payload that breaks the contract instead of rendering undefined', () => {
    const broken = structuredClone(latest) as { data: Record<string, unknown>[] };
    delete broken.data[0].title;
    expect(() => listOf(articleSummary).parse(broken)).toThrow(/title/);
    const badFormat = structuredClone(latest) as { data: Record<string, unknown>[] };
    badFormat.data[0].format = 'gossip';
    expect(() => listOf(articleSummary).parse(badFormat)).toThrow();
  });

  it('accepts an article without cover, section or standfirst', () => {
    const bare = structuredClone(latest) as { data: Record<string, unknown>[] };
    Object.assign(bare.data[0], { cover: null, section: null, standfirst: null });
    const [first] = listOf(articleSummary).parse(bare).items;
    expect(first).toMatchObject({ cover: null, section: null, standfirst: '' });
  });
});

describe('a picture whose licence ended', () => {
  // The CMS sends such a figure with its words and no image (cms/src/middlewares/picture-rights.ts).
  const [summary] = (structuredClone(latest) as { data: Record<string, unknown>[] }).data;
  const withheld = { ...(summary.cover as object), image: null };
  const payload = {
    ...summary,
    cover: withheld,
    body: [
      { __component: 'content.rich-text', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Text.' }] }] },
      { __component: 'media.figure', ...withheld, caption: 'The pontoon at dusk.' },
    ],
    tags: [],
    series: null,
    partNumber: null,
    editorsNote: null,
    corrections: null,
    seo: null,
  };

  it('leaves its caption and credit on the article page, and no cover on cards', () => {
    const parsed = article.parse(payload);
    expect(parsed.cover).toBeNull();
    expect(parsed.coverWithheld).toEqual({
      withheld: true,
      alt: 'An empty floating pontoon lit by a single lamp at night',
      caption: 'The Westbank pontoon, where the last ferry now leaves at 11pm.',
      credit: 'Ledger Photo Desk',
    });
    expect(parsed.body[1]).toEqual({
      kind: 'figure',
      figure: expect.objectContaining({ withheld: true, caption: 'The pontoon at dusk.' }),
    });
    expect(articleSummary.parse(payload).cover).toBeNull();
  });
});
