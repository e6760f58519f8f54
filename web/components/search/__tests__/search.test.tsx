import { renderToStaticMarkup } from 'react-dom/server';
import { SearchView } from '../search-view.client';
import { SearchTrends } from '../search-trends';
import { Highlighted } from '../highlighted';
import type { SearchHit, SearchOutcome } from '@/lib/search';
import { dictionaryFor } from '@/lib/labels';

const hit = (slug: string, title: SearchHit['highlights']['title']): SearchHit => ({
  documentId: `doc-${slug}`,
  locale: 'en',
  slug,
  standfirst: null,
  title: title.map((s) => s.text).join(''),
  publishedAt: '2026-11-20T09:30:00.000Z',
  section: { slug: 'climate', name: 'Climate' },
  authors: [{ slug: 'priya-raman', name: 'Priya Raman' }],
  highlights: { title, snippet: [{ text: '… volunteers counted ' }, { text: 'quillwort', hit: true }, { text: ' along the bank …' }] },
});

const found = (total: number, page = 1): SearchOutcome => ({
  ok: true,
  page: {
    data: [hit('quillwort-returns', [{ text: 'Quillwort', hit: true }, { text: ' returns to the marsh' }])],
    meta: { query: 'quillwort', locale: 'en', pagination: { page, pageSize: 10, pageCount: Math.ceil(total / 10), total, capped: false } },
  },
});

const render = (props: Partial<Parameters<typeof SearchView>[0]>) =>
  renderToStaticMarkup(
    <SearchView
      locale="en"
      words={dictionaryFor('en')}
      timeZone="Europe/London"
      initialQuery="quillwort"
      initialPage={1}
      initial={null}
      trends={[]}
      {...props}
    />,
  );

describe('the search page', () => {
  it('renders the first results on the server, with the matched words marked and a count announced', () => {
    const html = render({ initial: found(23) });
    expect(html).toContain('<mark>Quillwort</mark>');
    expect(html).toContain('<mark>quillwort</mark>');
    expect(html).toContain('href="/articles/quillwort-returns"');
    expect(html).toMatch(/role="status" aria-live="polite"[^>]*>23 results for “quillwort” · Page 1 of 3</);
    expect(html).toContain('<label for="search-query">Search articles</label>');
    expect(html).toContain('value="quillwort"');
    // Further pages are plain links, so paging works without JavaScript.
    expect(html).toContain('href="/search?q=quillwort&amp;page=2"');
    expect(html).not.toContain('rel="prev"');
  });

  it('says when nothing matches and suggests what readers search for', () => {
    const none: SearchOutcome = {
      ok: true,
      page: {
        data: [],
        meta: { query: 'zzqx', locale: 'en', pagination: { page: 1, pageSize: 10, pageCount: 0, total: 0, capped: false } },
      },
    };
    const html = render({ initialQuery: 'zzqx', initial: none, trends: [{ term: 'storm surge', pinned: false }] });
    expect(html).toContain('No articles match “zzqx”.');
    expect(html).toContain('Readers are searching for:');
    expect(html).toContain('href="/search?q=storm+surge"');
  });

  it('shows why a query cannot be run', () => {
    const html = render({
      initialQuery: '***',
      initial: { ok: false, status: 400, message: 'q must contain at least one letter or digit' },
    });
    expect(html).toContain('q must contain at least one letter or digit');
  });

  it('prompts for words before anything is typed, and links within its own language', () => {
    expect(render({ initialQuery: '' })).toContain('Type a word or two');
    const zh = render({ locale: 'zh', initialQuery: '渡轮', initial: found(11) });
    expect(zh).toContain('action="/zh/search"');
    expect(zh).toContain('href="/zh/articles/quillwort-returns"');
    expect(zh).toContain('href="/zh/search?q=%E6%B8%A1%E8%BD%AE&amp;page=2"');
  });

  it('renders highlighted text as text, never as markup', () => {
    const html = renderToStaticMarkup(<Highlighted segments={[{ text: '<script>alert(1)</script>', hit: true }, { text: ' & more' }]} />);
    expect(html).toBe('<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark><span> &amp; more</span>');
  });
});

describe('the Search Trends box', () => {
  it('links each term to its search', () => {
    const html = renderToStaticMarkup(
      <SearchTrends
        locale="en"
        initial={[
          { term: 'polling stations', pinned: true },
          { term: 'night ferry', pinned: false },
        ]}
      />,
    );
    expect(html).toContain('>Search Trends</h2>');
    expect(html).toContain('<a href="/search?q=polling+stations">polling stations</a>');
    expect(html).toContain('<a href="/search?q=night+ferry">night ferry</a>');
  });

  it('says so when nothing is trending', () => {
    expect(renderToStaticMarkup(<SearchTrends locale="zh" initial={[]} />)).toContain('暂无热门搜索。');
  });
});
