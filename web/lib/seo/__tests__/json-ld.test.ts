import { articleJsonLd, jsonLdScript } from '../json-ld';
import type { Article, AuthorProfile, Series, Site } from '@/lib/cms';

const site: Site = {
  name: 'The Tidewater Ledger',
  description: '',
  timeZone: 'Europe/London',
  navigation: [],
  logo: null,
  defaultShareImage: null,
};
const cover = { src: '/uploads/cover.jpg', width: 1600, height: 900, alt: 'Harbour', caption: 'The harbour', credit: 'Ledger Photo Desk' };
const article: Article = {
  id: 'a1',
  coverWithheld: null,
  slug: 'a-city-that-learns-to-flood',
  locale: 'en',
  title: 'A city that learns to flood',
  standfirst: 'Standfirst',
  format: 'commentary',
  firstPublished: new Date('2026-11-01T10:00:00Z'),
  updated: new Date('2026-11-02T08:00:00Z'),
  authors: [{ id: 'p1', slug: 'wen-huang', name: 'Wen Huang' }],
  section: { id: 's1', slug: 'opinion', name: 'Opinion' },
  cover,
  partNumber: 3,
  provenance: null,
  body: [],
  tags: [],
  series: { id: 'sr1', slug: 'the-tideline-question', name: 'The Tideline Question' },
  editorsNote: null,
  corrections: [{ date: new Date('2026-11-02T07:00:00Z'), text: 'An earlier version misnamed the site.' }],
  seo: null,
  translations: [],
};
const authors: AuthorProfile[] = [
  { id: 'p1', slug: 'wen-huang', name: 'Wen Huang', role: 'Columnist', bio: '', avatar: null, links: [], translations: [] },
];
const series: Series = {
  id: 'sr1',
  slug: 'the-tideline-question',
  name: 'The Tideline Question',
  description: '',
  cover: null,
  editorsNote: null,
  parts: [],
  translations: [],
};

describe('article JSON-LD', () => {
  const data = articleJsonLd({ article, authors, series, site, locale: 'en' });

  it('marks commentary as OpinionNewsArticle with dates, authors as Persons with their pages, and the series', () => {
    expect(data['@type']).toBe('OpinionNewsArticle');
    expect(data.datePublished).toBe('2026-11-01T10:00:00.000Z');
    expect(data.dateModified).toBe('2026-11-02T08:00:00.000Z');
    expect(data.author).toEqual([{ '@type': 'Person', name: 'Wen Huang', url: 'http://localhost:3000/authors/wen-huang' }]);
    expect(data.isPartOf).toEqual({
      '@type': 'CreativeWorkSeries',
      name: 'The Tideline Question',
      url: 'http://localhost:3000/series/the-tideline-question',
    });
    expect(data.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'The Tidewater Ledger' });
  });

  it('credits the image and lists corrections', () => {
    expect(data.image).toEqual({
      '@type': 'ImageObject',
      url: 'http://localhost:3000/uploads/cover.jpg',
      width: 1600,
      height: 900,
      creditText: 'Ledger Photo Desk',
    });
    expect(data.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'An earlier version misnamed the site.', datePublished: '2026-11-02T07:00:00.000Z' },
    ]);
  });

  it('uses NewsArticle for news, and can never close its script tag', () => {
    expect(articleJsonLd({ article: { ...article, format: 'news' }, authors, series: null, site, locale: 'en' })['@type']).toBe(
      'NewsArticle',
    );
    expect(jsonLdScript({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
