import { articleTranslation } from '@newsroom/contract/schemas';
import { overlay } from '../translations';
import { article } from '../schemas';

// A machine translation's words laid over the original's REST payload: the words change, nothing else does.
const image = (name: string) => ({ url: `/uploads/${name}.jpg`, width: 1600, height: 900, alternativeText: null });
const original = {
  documentId: 'doc-1',
  title: 'Container volumes slip',
  slug: 'container-volumes-slip',
  standfirst: 'The third quarter in a row.',
  format: 'news',
  firstPublishedAt: '2026-11-30T09:00:00.000Z',
  lastEditorialUpdateAt: '2026-11-30T10:00:00.000Z',
  publishedAt: '2026-11-30T10:00:00.000Z',
  locale: 'en',
  partNumber: null,
  translationOrigin: null,
  translatedFrom: null,
  translationProvider: null,
  translationStale: false,
  authors: [{ documentId: 'a-1', name: 'Tomas Lindqvist', slug: 'tomas-lindqvist' }],
  section: { documentId: 's-1', name: 'Economy', slug: 'economy' },
  tags: [],
  series: null,
  editorsNote: { label: 'Note', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Figures are provisional.' }] }] },
  corrections: [{ date: '2026-11-30T11:00:00.000Z', text: 'An earlier version misnamed the quay.' }],
  seo: null,
  localizations: [],
  cover: { caption: 'A feeder vessel leaves.', credit: 'Ledger Photo Desk', alt: 'A cargo ship', image: image('cover') },
  body: [
    {
      __component: 'content.rich-text',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Volumes fell ' },
            { type: 'link', url: 'https://example.com/data', children: [{ type: 'text', text: 'again', bold: true }] },
          ],
        },
      ],
    },
    {
      __component: 'media.figure',
      caption: 'Quarterly volumes.',
      credit: 'Chart: Ledger Graphics',
      alt: 'A bar chart',
      image: image('chart'),
    },
  ],
};
const translation = articleTranslation.parse({
  data: {
    title: 'Los volúmenes de contenedores bajan',
    standfirst: 'El tercer trimestre seguido.',
    body: [
      {
        __component: 'content.rich-text',
        body: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Los volúmenes bajaron ' },
              { type: 'link', url: 'https://example.com/data', children: [{ type: 'text', text: 'otra vez', bold: true }] },
            ],
          },
        ],
      },
      { __component: 'media.figure', caption: 'Volúmenes trimestrales.', alt: 'Un gráfico de barras' },
    ],
    cover: { caption: 'Un buque sale.', alt: 'Un buque de carga' },
    gallery: [],
    editorsNote: { label: 'Nota', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Las cifras son provisionales.' }] }] },
    corrections: [{ text: 'Una versión anterior nombró mal el muelle.' }],
  },
  meta: {
    documentId: 'doc-1',
    locale: 'en',
    version: '2026-11-30T10:00:00.000Z',
    language: 'es',
    provider: { id: 'apertium', name: 'Apertium' },
    translatedAt: '2026-12-01T08:00:00.000Z',
  },
});

describe('a machine translation over its original', () => {
  const translated = article.parse(overlay(original, translation.data));

  it('shows the translated headline, standfirst, body, captions, alt text, note and corrections', () => {
    expect(translated.title).toBe('Los volúmenes de contenedores bajan');
    expect(translated.standfirst).toBe('El tercer trimestre seguido.');
    expect(translated.cover).toMatchObject({ caption: 'Un buque sale.', alt: 'Un buque de carga' });
    expect(translated.body[1]).toMatchObject({
      kind: 'figure',
      figure: { caption: 'Volúmenes trimestrales.', alt: 'Un gráfico de barras' },
    });
    expect(translated.editorsNote?.label).toBe('Nota');
    expect(translated.corrections.map((c) => c.text)).toEqual(['Una versión anterior nombró mal el muelle.']);
  });

  it('keeps the original’s pictures, credits, links, names, dates and address', () => {
    expect(translated.cover).toMatchObject({ src: '/uploads/cover.jpg', credit: 'Ledger Photo Desk' });
    expect(translated.body[1]).toMatchObject({ figure: { src: '/uploads/chart.jpg', credit: 'Chart: Ledger Graphics' } });
    expect(JSON.stringify(translated.body[0])).toContain('https://example.com/data');
    expect(translated.authors).toEqual([{ id: 'a-1', name: 'Tomas Lindqvist', slug: 'tomas-lindqvist' }]);
    expect(translated.slug).toBe('container-volumes-slip');
    expect(translated.corrections[0].date).toEqual(new Date('2026-11-30T11:00:00.000Z'));
    expect(original.title).toBe('Container volumes slip');
  });

  it('leaves a part as it was when the translation does not match it (a part of another kind)', () => {
    const mismatched = { ...translation.data, body: [translation.data.body[1], translation.data.body[0]] };
    const shown = article.parse(overlay(original, mismatched));
    expect(JSON.stringify(shown.body[0])).toContain('Volumes fell');
  });
});
