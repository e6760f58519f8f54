import { MAX_DRAFT_HEADLINE, MAX_HEADLINE } from '../editorial/publish-checks';

// The admin's views of every content type and component, in a newsroom's words: labels, hints that state the
// same limits as the pre-publish checks, fields in the order an editor works, and the list columns an editor
// scans. Applied at start by apply-views.ts through the content manager's own configuration.

/**
 * One field's words: its label, the hint under it, the placeholder inside it and its list column's title;
 * `readOnly` for what the server sets (the admin shows it, greyed).
 */
export type FieldWords = { label: string; hint?: string; placeholder?: string; column?: string; readOnly?: true };

export type DeskView = {
  /** The field that names an entry in lists and relation pickers. */
  mainField: string;
  /** The list's default order. */
  sort: { by: string; order: 'ASC' | 'DESC' };
  /** The list's columns, in order. */
  list: string[];
  /** The edit view's rows: a field name takes its default width, [name, width] sets it (12 is the full row). */
  edit: (string | [string, number])[][];
  fields: Record<string, FieldWords>;
};

const newestFirst = { by: 'updatedAt', order: 'DESC' } as const;
const byName = (by: string) => ({ by, order: 'ASC' }) as const;
// Strapi's own columns (not attributes): their titles in the list.
const STAMPS: Record<string, FieldWords> = {
  updatedAt: { label: 'Last updated' },
  createdAt: { label: 'Created' },
};

const seoLink = 'the page shown to search engines and in link previews';

export const ARTICLE_VIEW: DeskView = {
  mainField: 'title',
  sort: newestFirst,
  list: ['title', 'section', 'authors', 'updatedAt', 'publishAt'],
  edit: [
    [['title', 12]],
    [['standfirst', 12]],
    ['body'],
    ['authors', 'section'],
    ['tags', 'format'],
    [
      ['series', 8],
      ['partNumber', 4],
    ],
    ['cover'],
    ['gallery'],
    ['publishAt', 'unpublishAt'],
    [
      ['markAsUpdate', 6],
      ['editorsNote', 6],
    ],
    ['firstPublishedAt', 'lastEditorialUpdateAt'],
    ['corrections'],
    ['seo'],
    ['translationOrigin', 'translatedFrom'],
    [
      ['translationStale', 4],
      ['translationProvider', 8],
    ],
    [['translatedFromVersion', 12]],
    [['slug', 12]],
    [['internalNotes', 12]],
  ],
  fields: {
    ...STAMPS,
    title: {
      label: 'Headline',
      hint: `What the reader sees first. At most ${MAX_HEADLINE} characters to publish (a draft may run to ${MAX_DRAFT_HEADLINE} while you work on it).`,
      placeholder: 'Harbour board votes to dredge the east channel',
    },
    slug: {
      label: 'Web address',
      hint: 'The last part of the article\u2019s URL, made from the headline. Changing it after publishing keeps the old address redirecting here.',
    },
    format: { label: 'Format', hint: 'News reports; analysis explains; commentary argues a view (labelled as opinion on the site).' },
    standfirst: {
      label: 'Standfirst',
      hint: 'One or two sentences under the headline that say what the story is. Required to publish.',
      placeholder: 'What happened, and why it matters to the reader',
    },
    body: { label: 'Body', hint: 'Text blocks and figures, in reading order.' },
    cover: { label: 'Cover picture', hint: 'Shown at the top of the article and on cards. Needs alt text and a credit to publish.' },
    gallery: { label: 'Gallery', hint: 'Further pictures shown after the body. Each needs alt text and a credit to publish.' },
    authors: { label: 'Byline', hint: 'Who wrote it, in byline order. At least one author to publish.', column: 'Byline' },
    section: { label: 'Section', hint: 'Where the article lives on the site (its section page and navigation).' },
    tags: { label: 'Tags', hint: 'Topics the article is filed under; each has its own page and feed.' },
    series: { label: 'Series', hint: 'A running series this article is part of; its title becomes the kicker before the headline.' },
    partNumber: {
      label: 'Kicker/series part',
      hint: 'Its part number in the series (1, 2, \u2026). No two articles of a series may share one.',
    },
    editorsNote: {
      label: 'Editor\u2019s note',
      hint: 'A standing note shown above the article (for example on sponsored or sensitive pieces).',
    },
    firstPublishedAt: { label: 'First published', hint: 'Set by the server the first time the article is published.', readOnly: true },
    lastEditorialUpdateAt: { label: 'Updated', hint: 'Set by the server when a publish is marked as an update.', readOnly: true },
    publishAt: {
      label: 'Publish at',
      hint: 'Publishes the draft by itself at this time (within a minute), if it passes the pre-publish checks.',
    },
    unpublishAt: { label: 'Unpublish at', hint: 'Takes the article off the site at this time (optional expiry).' },
    markAsUpdate: {
      label: 'Mark as update',
      hint: 'Show this publish as an update, with the Updated time. Untick for a silent fix such as a typo.',
    },
    corrections: {
      label: 'Corrections',
      hint: 'Each correction is shown at the end of the article and in the corrections feed, with its date.',
    },
    seo: { label: 'Search and sharing', hint: `Optional: how ${seoLink} describes the article.` },
    translationOrigin: {
      label: 'Translation origin',
      hint: 'How this language\u2019s text was made. A machine translation must be set to machine-reviewed before it is published.',
    },
    translatedFrom: { label: 'Translated from', hint: 'The language this translation was made from (empty for an original).' },
    translatedFromVersion: {
      label: 'Original version',
      hint: 'The published version of the original this translation follows (set by the server).',
      readOnly: true,
    },
    translationProvider: { label: 'Translated by', hint: 'The machine translation service that made the first draft.' },
    translationStale: {
      label: 'Original changed',
      hint: 'The original has been published again since this translation was brought up to date (set by the server).',
      readOnly: true,
    },
    internalNotes: { label: 'Notes for the desk', hint: 'Never shown to readers or the public API.' },
  },
};

export const VIEWS: Record<string, DeskView> = {
  'api::article.article': ARTICLE_VIEW,
  'api::author.author': {
    mainField: 'name',
    sort: byName('name'),
    list: ['name', 'role', 'updatedAt'],
    edit: [['name', 'role'], [['bio', 12]], ['avatar', 'email'], ['links'], ['articles'], [['slug', 12]], [['internalNotes', 12]]],
    fields: {
      ...STAMPS,
      name: { label: 'Name', hint: 'As it appears in bylines.', placeholder: 'Mara Quill' },
      slug: { label: 'Web address', hint: 'The last part of the author\u2019s page URL, made from the name.' },
      role: { label: 'Role', placeholder: 'Harbour correspondent' },
      bio: { label: 'Biography', hint: 'A few sentences for the author\u2019s page.' },
      avatar: { label: 'Portrait' },
      links: { label: 'Links', hint: 'The author\u2019s other pages (social accounts, a personal site).' },
      email: { label: 'Email', hint: 'For the desk only; never shown to readers or the public API.' },
      internalNotes: { label: 'Notes for the desk', hint: 'Never shown to readers or the public API.' },
      articles: { label: 'Articles', hint: 'The articles with this author in the byline.' },
    },
  },
  'api::editors-note.editors-note': {
    mainField: 'label',
    sort: newestFirst,
    list: ['label', 'updatedAt'],
    edit: [[['label', 12]], ['body']],
    fields: {
      ...STAMPS,
      label: { label: 'Name', hint: 'For the desk: which note this is (readers see only the text).', placeholder: 'Sponsored content' },
      body: { label: 'Note', hint: 'The text shown above each article that carries this note.' },
    },
  },
  'api::page.page': {
    mainField: 'title',
    sort: byName('title'),
    list: ['title', 'revisionDate', 'updatedAt'],
    edit: [
      [
        ['title', 8],
        ['revisionDate', 4],
      ],
      ['body'],
      ['seo'],
      [['slug', 12]],
    ],
    fields: {
      ...STAMPS,
      title: { label: 'Title', placeholder: 'About us' },
      slug: { label: 'Web address', hint: 'The page\u2019s URL, made from the title.' },
      body: { label: 'Text' },
      revisionDate: { label: 'Last revised', hint: 'Shown on the page, for policies that readers rely on.' },
      seo: { label: 'Search and sharing', hint: `Optional: how ${seoLink} describes the page.` },
    },
  },
  'api::section.section': {
    mainField: 'name',
    sort: byName('name'),
    list: ['name', 'description', 'updatedAt'],
    edit: [['name', 'slug'], [['description', 12]], ['articles']],
    fields: {
      ...STAMPS,
      name: { label: 'Name', hint: 'As it appears in the navigation and on articles.', placeholder: 'City' },
      slug: { label: 'Web address', hint: 'The section page\u2019s URL, made from the name.' },
      description: { label: 'Description', hint: 'Shown on the section page and in its feed.' },
      articles: { label: 'Articles' },
    },
  },
  'api::series.series': {
    mainField: 'title',
    sort: newestFirst,
    list: ['title', 'updatedAt'],
    edit: [['title', 'slug'], [['description', 12]], ['cover'], ['editorsNote'], ['parts']],
    fields: {
      ...STAMPS,
      title: {
        label: 'Title',
        hint: 'Also the kicker before each part\u2019s headline ("Series: Headline").',
        placeholder: 'Tides of change',
      },
      slug: { label: 'Web address', hint: 'The series page\u2019s URL, made from the title.' },
      description: { label: 'Description', hint: 'Shown on the series page.' },
      cover: { label: 'Cover picture' },
      editorsNote: { label: 'Editor\u2019s note', hint: 'Shown on the series page and above every part.' },
      parts: { label: 'Parts', hint: 'The articles of the series; set each one\u2019s part number on the article.' },
    },
  },
  'api::site.site': {
    mainField: 'name',
    sort: byName('name'),
    list: ['name'],
    edit: [['name', 'timeZone'], [['description', 12]], ['logo', 'defaultShareImage'], ['navigation'], [['namesNotTranslated', 12]]],
    fields: {
      ...STAMPS,
      name: { label: 'Name of the outlet' },
      description: { label: 'Description', hint: 'The outlet\u2019s one-line description, for search engines and feeds.' },
      logo: { label: 'Logo' },
      defaultShareImage: { label: 'Default share picture', hint: 'Shown in link previews of pages that have no picture of their own.' },
      timeZone: {
        label: 'Time zone',
        hint: 'The newsroom\u2019s time zone (an IANA name): dates on the site and schedules on the desk use it.',
        placeholder: 'Europe/London',
      },
      navigation: { label: 'Navigation', hint: 'The links of the site\u2019s header, in order.' },
      namesNotTranslated: {
        label: 'Names machine translation keeps',
        hint: 'Places and organisations machine translation must leave as they are, one per line. Authors\u2019 names are kept anyway.',
      },
    },
  },
  'api::slug-redirect.slug-redirect': {
    mainField: 'slug',
    sort: newestFirst,
    list: ['slug', 'language', 'targetDocumentId', 'updatedAt'],
    edit: [['slug', 'language'], [['targetDocumentId', 12]]],
    fields: {
      ...STAMPS,
      slug: { label: 'Former address', hint: 'A web address an article had before; kept by the server when a slug changes.' },
      language: { label: 'Language' },
      targetDocumentId: { label: 'Article now at', hint: 'The document the former address redirects to.' },
    },
  },
  'api::tag.tag': {
    mainField: 'name',
    sort: byName('name'),
    list: ['name', 'description', 'updatedAt'],
    edit: [['name', 'slug'], [['description', 12]], ['articles']],
    fields: {
      ...STAMPS,
      name: { label: 'Name', placeholder: 'Flood defences' },
      slug: { label: 'Web address', hint: 'The tag page\u2019s URL, made from the name.' },
      description: { label: 'Description', hint: 'Shown on the tag page and in its feed.' },
      articles: { label: 'Articles' },
    },
  },
  'api::trend-rule.trend-rule': {
    mainField: 'term',
    sort: byName('term'),
    list: ['term', 'rule', 'updatedAt'],
    edit: [['term', 'rule']],
    fields: {
      ...STAMPS,
      term: { label: 'Search term', hint: 'As readers type it (case and accents do not matter).' },
      rule: { label: 'Rule', hint: 'Pin keeps the term in Search Trends; block keeps it out.' },
    },
  },

  // Components: their fields inside the views above.
  'content.rich-text': {
    mainField: 'id',
    sort: byName('id'),
    list: ['id'],
    edit: [['body']],
    fields: { body: { label: 'Text' } },
  },
  'media.figure': {
    mainField: 'caption',
    sort: byName('caption'),
    list: ['caption', 'credit', 'usableUntil'],
    edit: [['image', 'alt'], [['caption', 12]], ['credit', 'licence'], ['licenceUrl', 'usableUntil']],
    fields: {
      image: { label: 'Picture' },
      alt: {
        label: 'Alt text',
        hint: 'What the picture shows, for readers who cannot see it. Required to publish.',
        placeholder: 'Two tugboats guide a container ship past the harbour wall',
      },
      caption: { label: 'Caption', hint: 'Shown under the picture.' },
      credit: { label: 'Credit', hint: 'Who took or owns the picture. Required to publish.', placeholder: 'Photographer/Agency' },
      licence: {
        label: 'Licence',
        hint: 'The rights we use the picture under: our staff\u2019s, an agency\u2019s, Creative Commons, \u2026',
      },
      licenceUrl: {
        label: 'Licence URL',
        hint: 'The licence\u2019s terms (required for Creative Commons), e.g. https://creativecommons.org/licenses/by/4.0/',
        placeholder: 'https://creativecommons.org/licenses/by/4.0/',
      },
      usableUntil: {
        label: 'Usable until',
        hint: 'When the licence ends, if it does. From then on the site, feeds and API show the caption and credit without the picture, and the file is no longer served. A picture past this time cannot be published.',
      },
    },
  },
  'editorial.correction': {
    mainField: 'text',
    sort: byName('date'),
    list: ['date', 'text'],
    edit: [['date'], [['text', 12]]],
    fields: {
      date: { label: 'Corrected on' },
      text: { label: 'Correction', hint: 'What was wrong and what is right now, in a sentence or two.' },
    },
  },
  'shared.link': {
    mainField: 'label',
    sort: byName('label'),
    list: ['label', 'url'],
    edit: [['label', 'url']],
    fields: {
      label: { label: 'Text', placeholder: 'City' },
      url: { label: 'Address', hint: 'A path on the site (/sections/city) or a full URL.' },
    },
  },
  'shared.seo': {
    mainField: 'metaTitle',
    sort: byName('metaTitle'),
    list: ['metaTitle'],
    edit: [['metaTitle', 'canonicalUrl'], [['metaDescription', 12]], ['shareImage', 'noindex']],
    fields: {
      metaTitle: { label: 'Title for search engines', hint: 'Instead of the headline or title, when it is too long for a results page.' },
      metaDescription: { label: 'Description for search engines', hint: 'Instead of the standfirst.' },
      shareImage: { label: 'Share picture', hint: 'Shown in link previews instead of the cover.' },
      canonicalUrl: { label: 'Canonical address', hint: 'Only for a piece first published elsewhere: its original URL.' },
      noindex: { label: 'Hide from search engines' },
    },
  },
};
