import { renderToStaticMarkup } from 'react-dom/server';
import type { BlocksContent } from '@strapi/blocks-react-renderer';
import { RichText } from '../rich-text.client';
import { isSafeHref } from '@/lib/safe-url';

const paragraphWithLink = (url: string): BlocksContent => [
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Read ' },
      { type: 'link', url, children: [{ type: 'text', text: 'this' }] },
    ],
  },
];

describe('rich text', () => {
  it('renders paragraphs, headings, lists and safe links', () => {
    const html = renderToStaticMarkup(
      <RichText
        blocks={[
          { type: 'heading', level: 2, children: [{ type: 'text', text: 'The barrier' }] },
          { type: 'paragraph', children: [{ type: 'text', text: 'Bold claim', bold: true }] },
          { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'One' }] }] },
          ...paragraphWithLink('https://example.org/report'),
        ]}
      />,
    );
    expect(html).toContain('<h2>The barrier</h2>');
    expect(html).toContain('<strong>Bold claim</strong>');
    expect(html).toContain('<li>One</li>');
    expect(html).toContain('<a href="https://example.org/report">this</a>');
  });

  it('never renders javascript:, data: or protocol-relative links as links', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,<script>1</script>',
      'vbscript:x',
      '//evil.example/x',
    ]) {
      const html = renderToStaticMarkup(<RichText blocks={paragraphWithLink(url)} />);
      expect(html).not.toContain('<a');
      expect(html).toContain('this');
    }
  });

  it('accepts web, mail and same-site links', () => {
    for (const url of ['https://a.example', 'http://a.example', 'mailto:desk@tidewater.example', '/articles/x', '#notes'])
      expect(isSafeHref(url)).toBe(true);
  });
});
