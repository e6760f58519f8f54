import { renderToStaticMarkup } from 'react-dom/server';
import { Pagination } from '../pagination';
import { labelsFor } from '@/lib/labels';

// Listings are not counted (a count reads every matching article); pages link on while another one follows.
const render = (page: number, hasMore: boolean, locale: 'en' | 'zh' = 'en') =>
  renderToStaticMarkup(<Pagination basePath="/sections/city" page={page} hasMore={hasMore} labels={labelsFor(locale)} />);

describe('listing pagination', () => {
  it('shows nothing for a list that fits on one page', () => {
    expect(render(1, false)).toBe('');
  });

  it('links to older articles from the first page, and back to page 1 at the base address', () => {
    expect(render(1, true)).toContain('<a rel="next" href="/sections/city/page/2">');
    expect(render(1, true)).not.toContain('rel="prev"');
    expect(render(2, true)).toContain('<a rel="prev" href="/sections/city">');
    expect(render(2, true)).toContain('Page 2');
  });

  it('stops at the last page', () => {
    const last = render(3, false);
    expect(last).toContain('<a rel="prev" href="/sections/city/page/2">');
    expect(last).not.toContain('rel="next"');
    expect(render(3, false, 'zh')).toContain('第 3 页');
  });
});
