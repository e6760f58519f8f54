// A seeded generator of hostile requests for both apps, and the checks every answer must pass. The same
// seed gives the same requests, so a failure can be replayed with FUZZ_SEED=<seed>.
const http = require('node:http');

/** mulberry32: a small, fast, seeded PRNG; `rand()` in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => rand() < p;
  return { rand, int, pick, chance };
}

/** This ISO week's number since 1970: a different seed each week unless FUZZ_SEED pins one. */
function weeklySeed(now = Date.now()) {
  return Math.floor(now / (7 * 24 * 3600 * 1000));
}

// Pieces hostile clients put into URLs.
const BROKEN_ESCAPES = ['%', '%z', '%zz', '%E0%A4%A', '%c0%ae%c0%ae', '%ff', '%C0%AF', '%ED%A0%80', '%%32%65'];
const CONTROL = ['%00', '%01', '%0a', '%0d%0a', '%1b', '%7f', '%09'];
const BUILT_INS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const ODD_LOCALES = ['ZH', 'Zh', 'EN', 'xx', 'zh-Hans', 'zh_CN', 'fr', 'en-GB', 'api', '_next', 'sitemaps', 'uploads'];
const ODD_NUMBERS = ['0', '-1', '1.5', '1e3', '99999999999999999999', 'abc', '01', '+2', '0x10', '', ' 2', 'NaN', 'Infinity'];
const TRAVERSAL = ['..', '%2e%2e', '..%2f..%2fapi', '%2e%2e%2f', '.%2e', '..%5c', 'a%2fb'];
const ODD_METHODS = ['OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'HEAD', 'TRACE', 'FOO'];
const ODD_HEADERS = [
  { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
  { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  { RSC: '1' },
  { RSC: '1', 'Next-Router-Prefetch': '1' },
  { 'Next-Router-State-Tree': '%5B%22junk' },
  { 'Next-Router-State-Tree': 'not json at all' },
  { 'Next-Action': 'abcdef0123456789' },
  { 'Next-Action': 'x', 'Content-Type': 'multipart/form-data; boundary=zzz' },
  { 'x-now-route-matches': '1=%2Fx' },
  { 'x-nextjs-data': '1' },
  { 'x-invoke-path': '/api/revalidate' },
  { 'x-forwarded-host': 'evil.example' },
  { 'x-forwarded-proto': 'gopher' },
  { 'x-forwarded-for': '1.2.3.4, <script>' },
  { Accept: 'text/x-component' },
  { Accept: '*/*;q=abc' },
  { 'Accept-Encoding': 'br;q=2, gzip;q=-1, zstd' },
  { 'Accept-Language': 'zz-ZZ;q=1, '.repeat(40) },
  { Range: 'bytes=0-0,1-1,2-2' },
  { Range: 'bytes=999999999-' },
  { 'If-None-Match': '"x", W/"y", *' },
  { 'If-Modified-Since': 'yesterday' },
  { Cookie: '__prerender_bypass=junk; __next_preview_data=junk' },
  { Cookie: 'ledger_consent=%zz; a=b'.repeat(5) },
  { 'Content-Type': 'application/json' },
  { Origin: 'https://evil.example' },
  { Authorization: 'Basic eDp5' },
  { Authorization: 'Bearer' },
  { 'Transfer-Encoding': 'chunked' },
];

/**
 * Site requests: every route family, mostly well-formed with one odd part, so that each reaches the code
 * behind it. `catalog` holds real slugs ({ articles, authors, sections, tags, series, pages, uploads }).
 */
function webRequests(random, catalog, count) {
  const { pick, chance } = random;
  const slugOf = (kind) => pick(catalog[kind]);
  const oddSegment = () =>
    pick([
      () => pick(BROKEN_ESCAPES),
      () => `x${pick(CONTROL)}y`,
      () => pick(BUILT_INS),
      () => pick(TRAVERSAL),
      () => 'a'.repeat(pick([300, 2000, 6000])),
      () => encodeURIComponent(pick(['渡轮', 'é', '😀', '\u202e', '<script>', "'", '"', ' ', '\\'])),
      () => pick(ODD_NUMBERS) || 'x',
    ])();
  const families = [
    () => `/articles/${chance(0.5) ? slugOf('articles') : oddSegment()}`,
    () =>
      `/${pick(['sections', 'tags', 'authors', 'series'])}/${chance(0.5) ? slugOf(pick(['sections', 'tags', 'authors'])) : oddSegment()}`,
    () => `/${pick(['sections', 'tags', 'authors'])}/${slugOf(pick(['sections', 'tags', 'authors']))}/page/${pick(ODD_NUMBERS)}`,
    () =>
      `/${pick(['sections', 'authors', 'series'])}/${slugOf(pick(['sections', 'authors', 'series']))}/${pick(['feed.xml', 'atom.xml', 'feed.json', ...BUILT_INS, 'feed.xml.bak'])}`,
    () => pick(['/feed.xml', '/atom.xml', '/feed.json', '/corrections.xml', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', '/']),
    () =>
      `/sitemaps/${pick(['pages.xml', 'articles-en-0.xml', 'articles-zh-0.xml', 'articles-xx-0.xml', 'articles-en-99999.xml', ...BUILT_INS, oddSegment()])}${chance(0.3) ? `/${oddSegment()}` : ''}`,
    () => `/${pick(catalog.pages)}${chance(0.4) ? `/${oddSegment()}` : ''}`,
    () => `/search?q=${pick(['harbour', '', '%', '%zz', '"', '*', 'a'.repeat(500), '渡轮', 'NEAR(', '%00'])}&page=${pick(ODD_NUMBERS)}`,
    () => `/uploads/${chance(0.5) ? pick(catalog.uploads) : oddSegment()}`,
    () =>
      `/_next/image?url=${encodeURIComponent(pick([`/uploads/${pick(catalog.uploads)}`, '/uploads/nope.jpg', '//evil.example/x.png', 'http://127.0.0.1:1337/admin', '/_next/image?url=/', '%zz', '']))}&w=${pick(['640', '1', '99999', 'abc', ''])}&q=${pick(['75', '0', '101', 'x'])}`,
    () => `/_next/${pick(['sections/city', 'static/nope.js', 'data/x.json', 'image', oddSegment(), 'webpack-hmr'])}`,
    () => `/api/${pick(['nope', 'articles', 'search/x', 'revalidate/x', oddSegment(), '__proto__'])}`,
    () =>
      `/api/search?q=${pick(['harbour', '', '%zz', 'a'.repeat(400), '"'])}&locale=${pick(['en', 'zh', 'ZH', 'xx', '__proto__'])}&page=${pick(ODD_NUMBERS)}`,
    () => `/api/search-trends?locale=${pick(['en', 'zh', 'xx', '', '__proto__'])}`,
    () => `/api/preview?secret=${pick(['', 'x', '%zz'])}&path=${pick(['/articles/x', '//evil.example', 'https://evil.example', '%zz'])}`,
    () => `/api/preview/exit?path=${pick(['/', '//evil.example', '/\\evil.example', '%zz', 'javascript:alert(1)'])}`,
    () => `/${pick(ODD_LOCALES)}/${pick(['', 'articles/' + slugOf('articles'), 'sections/city', 'feed.xml', oddSegment()])}`,
    () => `/${oddSegment()}`,
    () => `/zh/${pick(['articles', 'authors', 'sections', 'tags', 'series'])}/${chance(0.5) ? slugOf('articles') : oddSegment()}`,
    () => `/en/${pick(['articles/' + slugOf('articles'), oddSegment(), ''])}`,
    () =>
      `/${pick(['', 'zh/', 'xx/'])}articles/${chance(0.7) ? slugOf('articles') : oddSegment()}/translate/${pick(['es', 'ca', 'fr', 'zh', 'es-ES', '%zz', '%3Cb%3E', '__proto__', 'a'.repeat(40), '', oddSegment()])}`,
  ];
  const requests = [];
  for (let i = 0; i < count; i++) {
    // Escaped as a client must send it (Node refuses raw spaces and non-Latin-1 characters), broken escapes kept.
    const path = pick(families)().replace(/[^\u0021-\u00ff]/g, (c) => encodeURIComponent(c));
    const method = chance(0.2) ? pick(ODD_METHODS) : 'GET';
    const headers = chance(0.25) ? { ...pick(ODD_HEADERS) } : {};
    let body;
    if (method === 'POST' || method === 'PUT' || method === 'PATCH')
      body = pick(['', '{', '{"event":"entry.publish"}', 'a=b', '\u0000'.repeat(10)]);
    requests.push({ app: 'web', method, path, headers, body });
  }
  // The webhook and the search recorder with junk, as anyone on the internet may send them.
  for (let i = 0; i < Math.ceil(count / 20); i++) {
    requests.push({
      app: 'web',
      method: 'POST',
      path: pick(['/api/revalidate', '/api/search-trends']),
      headers: {
        'Content-Type': pick(['application/json', 'text/plain', 'multipart/form-data']),
        ...(chance(0.5) ? { 'x-revalidate-secret': pick(['', 'x', 'local-revalidate-secret ']) } : {}),
      },
      body: pick([
        '',
        'null',
        '[]',
        '{"term":"x","locale":"__proto__"}',
        '{"term":{"$gt":""},"locale":"en"}',
        '{"__proto__":{"polluted":1}}',
        '{"event":"entry.publish","uid":"api::article.article","entry":{"documentId":{}}}',
        'x'.repeat(2_000_000),
      ]),
    });
  }
  return requests;
}

// What each public collection is made of (field: type), for filter trees over real and unknown fields.
const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$not',
  '$jsonSupersetOf',
  '$and',
  '$or',
  '$regex',
  '$where',
];
const TEXT_OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$lt',
  '$gt',
];
const ORDER_OPERATORS = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte'];
const ID = { id: 'int', documentId: 'text' };
const COLLECTIONS = {
  articles: {
    scalars: {
      ...ID,
      title: 'text',
      slug: 'text',
      format: 'text',
      standfirst: 'text',
      partNumber: 'int',
      firstPublishedAt: 'datetime',
      markAsUpdate: 'bool',
      publishAt: 'datetime',
      locale: 'text',
      publishedAt: 'datetime',
      createdAt: 'datetime',
      body: 'dz',
    },
    relations: {
      authors: 'authors',
      section: 'sections',
      tags: 'tags',
      series: 'series-list',
      editorsNote: 'editors-notes',
      localizations: 'articles',
    },
    components: { cover: 'figure', gallery: 'figure', corrections: 'correction', seo: 'seo' },
    private: ['internalNotes', 'createdBy', 'updatedBy'],
  },
  authors: {
    scalars: { ...ID, name: 'text', slug: 'text', role: 'text', bio: 'text', locale: 'text' },
    relations: { articles: 'articles' },
    components: { links: 'link', avatar: 'media' },
    private: ['email', 'internalNotes', 'createdBy'],
  },
  'series-list': {
    scalars: { ...ID, title: 'text', slug: 'text', description: 'text' },
    relations: { parts: 'articles', editorsNote: 'editors-notes' },
    components: { cover: 'figure' },
    private: ['createdBy'],
  },
  'editors-notes': { scalars: { ...ID, label: 'text', body: 'blocks' }, relations: {}, components: {}, private: ['updatedBy'] },
  sections: {
    scalars: { ...ID, name: 'text', slug: 'text', description: 'text' },
    relations: { articles: 'articles' },
    components: {},
    private: ['createdBy'],
  },
  tags: {
    scalars: { ...ID, name: 'text', slug: 'text', description: 'text' },
    relations: { articles: 'articles' },
    components: {},
    private: ['createdBy'],
  },
  pages: {
    scalars: { ...ID, title: 'text', slug: 'text', body: 'blocks', revisionDate: 'date' },
    relations: {},
    components: { seo: 'seo' },
    private: ['createdBy'],
  },
  'slug-redirects': {
    scalars: { ...ID, slug: 'text', language: 'text', targetDocumentId: 'text' },
    relations: {},
    components: {},
    private: ['createdBy'],
  },
  site: {
    scalars: { name: 'text', description: 'text', timeZone: 'text' },
    relations: {},
    components: { navigation: 'link', logo: 'media', defaultShareImage: 'media' },
    private: ['createdBy'],
  },
};
const COMPONENTS = {
  figure: { caption: 'text', credit: 'text', alt: 'text', image: 'media' },
  correction: { date: 'datetime', text: 'text' },
  seo: { metaTitle: 'text', metaDescription: 'text', canonicalUrl: 'text', noindex: 'bool', shareImage: 'media' },
  link: { label: 'text', url: 'text' },
  media: {
    url: 'text',
    name: 'text',
    width: 'int',
    alternativeText: 'text',
    related: 'morph',
    folder: 'private',
    provider_metadata: 'json',
  },
};
const SUBFIELDS = [
  'caption',
  'credit',
  'alt',
  'image',
  'url',
  'related',
  'folder',
  'formats',
  'provider_metadata',
  'name',
  'documentId',
  'id',
  'label',
  'shareImage',
  'email',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'constructor][prototype'];
const own = (object, key) => Object.hasOwn(object, key);

/** A value of the kind a field holds (mostly), or one that is not. */
function valueFor(random, type) {
  const { pick, chance } = random;
  if (chance(0.2))
    return pick([
      '',
      'abc',
      '-1',
      '1.5',
      '9'.repeat(30),
      '2026-13-45T99:99',
      '\u0000x',
      '%00',
      'a'.repeat(pick([10, 3000])),
      'Council weighs three harbour levy options',
    ]);
  switch (type) {
    case 'int':
      return pick(['1', '2', '0', '-5', '3']);
    case 'bool':
      return pick(['true', 'false', '1', 'f']);
    case 'datetime':
      return pick(['2026-01-01', '2026-11-30T10:00:00Z', '1700000000000', new Date().toISOString()]);
    case 'date':
      return pick(['2026-01-01', '2025-12-31']);
    default:
      return pick(['harbour', 'Council', 'x', 'city', 'draft-harbour-levy-options', '渡轮', "O'Brien", '%', '_', '\\']);
  }
}

/** One leaf condition on a scalar of `fields`: well-formed for its type most of the time. */
function leafPairs(random, fields, prefix) {
  const { pick, chance, int } = random;
  const names = Object.keys(fields);
  const name = pick(names);
  const type = fields[name];
  const at = `${prefix}[${name}]`;
  if (type === 'media') return [[`${at}[${pick(Object.keys(COMPONENTS.media))}][${pick(TEXT_OPERATORS)}]`, valueFor(random, 'text')]];
  const operators = type === 'text' ? TEXT_OPERATORS : ORDER_OPERATORS;
  switch (int(8)) {
    case 0:
      return [[at, valueFor(random, type)]];
    case 1:
      return [
        [`${at}[${pick(['$in', '$notIn'])}][0]`, valueFor(random, type)],
        [`${at}[$in][1]`, valueFor(random, type)],
      ];
    case 2:
      return [
        [`${at}[$between][0]`, valueFor(random, type)],
        [`${at}[$between][1]`, valueFor(random, type)],
      ];
    case 3:
      return [[`${at}[${pick(['$null', '$notNull'])}]`, pick(['true', 'false'])]];
    case 4:
      return [[`${at}[$not][${pick(operators)}]`, valueFor(random, type)]];
    case 5:
      return [
        [`${at}[${pick(operators)}][0]`, valueFor(random, type)],
        [`${at}[${pick(operators)}][1]`, valueFor(random, type)],
      ];
    default:
      return [[`${at}[${chance(0.9) ? pick(operators) : pick(OPERATORS)}]`, valueFor(random, type)]];
  }
}

/** qs-style `key=value` pairs for one random filter tree under `prefix`: mostly well-formed, sometimes not. */
function filterPairs(random, collection, prefix, depth = 0) {
  const { pick, chance, int } = random;
  const spec = COLLECTIONS[collection];
  const relations = Object.keys(spec.relations);
  const components = Object.keys(spec.components);
  const pairs = [];
  const n = 1 + int(3);
  for (let i = 0; i < n; i++) {
    const roll = int(20);
    if (roll < 8) {
      pairs.push(...leafPairs(random, spec.scalars, prefix));
    } else if (roll < 10 && depth < 4) {
      const op = pick(['$and', '$or']);
      const base = `${prefix}[${op}][${int(3)}]`;
      pairs.push(...filterPairs(random, collection, base, depth + 1));
    } else if (roll < 11 && depth < 4) {
      pairs.push(...filterPairs(random, collection, `${prefix}[$not]`, depth + 1));
    } else if (roll < 14 && depth < 4 && relations.length) {
      const relation = pick(relations);
      const inner = `${prefix}[${relation}]`;
      if (chance(0.25))
        pairs.push([`${inner}[${pick(['$null', '$notNull', '$eq', '$in][0', '$not][id][$eq'])}]`, pick(['true', '1', 'x'])]);
      else pairs.push(...filterPairs(random, spec.relations[relation], chance(0.2) ? `${inner}[$not]` : inner, depth + 1));
    } else if (roll < 16 && components.length) {
      const component = pick(components);
      pairs.push(...leafPairs(random, COMPONENTS[spec.components[component]], `${prefix}[${component}]`));
    } else {
      // The hostile shapes: operators where fields go, lists where values go, private and unknown keys.
      const field = pick([
        ...Object.keys(spec.scalars),
        ...relations,
        ...components,
        ...spec.private,
        'nope',
        't0.title',
        '0',
        '',
        ...PROTO_KEYS,
      ]);
      const op = pick(OPERATORS);
      pairs.push(
        pick([
          [`${prefix}[${op}]`, valueFor(random, 'text')],
          [`${prefix}[]`, valueFor(random, 'text')],
          [`${prefix}[${field}][${op}][${pick(OPERATORS)}]`, valueFor(random, 'text')],
          [`${prefix}[${field}][${op}][${pick(['x', '0', '150', ...PROTO_KEYS])}]`, valueFor(random, 'text')],
          [`${prefix}[${field}][${pick(SUBFIELDS)}][${op}]`, valueFor(random, 'text')],
          [`${prefix}[${field}][${op}]`, valueFor(random, 'text')],
          [`${prefix}[${field}]`, valueFor(random, 'text')],
        ]),
      );
    }
  }
  return pairs;
}

function populatePairs(random, collection, prefix, depth = 0) {
  const { pick, chance } = random;
  const spec = COLLECTIONS[collection];
  const relations = Object.keys(spec.relations);
  const components = Object.keys(spec.components);
  const hostile = chance(0.3);
  const target = hostile
    ? pick([...relations, ...components, 'body', 'nope', ...spec.private, ...PROTO_KEYS, 'title'])
    : pick([...relations, ...components, ...(own(spec.scalars, 'body') ? ['body'] : [])].concat(['*']));
  if (target === '*') return [[prefix, '*']];
  const related = own(spec.relations, target) ? spec.relations[target] : null;
  const componentFields = own(spec.components, target) ? COMPONENTS[spec.components[target]] : null;
  const subfield = () =>
    hostile
      ? pick(SUBFIELDS)
      : related
        ? pick(Object.keys(COLLECTIONS[related].scalars))
        : componentFields
          ? pick(Object.keys(componentFields))
          : 'id';
  const choices = hostile
    ? [
        () => [[prefix, pick(['**', '', `${target}.${pick(SUBFIELDS)}`, `${target},${pick(SUBFIELDS)}`])]],
        () => [[`${prefix}[${target}]`, pick(['*', 'x', ''])]],
        () => [[`${prefix}[${target}][fields]`, pick(['', 'name', 'documentId,url'])]],
        () => [[`${prefix}[${target}][populate]`, pick(['*', 'related', 'true'])]],
        () => [[`${prefix}[${target}][populate][${pick(SUBFIELDS)}][populate]`, '*']],
        () => [[`${prefix}[${target}][sort]`, pick(['x:y', 'related.id', ''])]],
        () => [[`${prefix}[${target}][count]`, 'x']],
        () => [
          [
            `${prefix}[${target}][on][${pick(['media.figure', 'content.rich-text', 'nope.x', '__proto__'])}][${pick(['fields', 'populate'])}]`,
            pick(['*', 'image', 'caption']),
          ],
        ],
        () => [[`${prefix}[${target}][${pick(['x', 'status', 'locale', ...PROTO_KEYS])}]`, pick(['1', 'draft', '*'])]],
      ]
    : [
        () => [[prefix, target]],
        () => [[`${prefix}[${target}]`, 'true']],
        () => [
          [`${prefix}[${target}][fields][0]`, subfield()],
          [`${prefix}[${target}][fields][1]`, subfield()],
        ],
        () => [[`${prefix}[${target}][populate]`, '*']],
        () => [[`${prefix}[${target}][sort]`, `${subfield()}:${pick(['asc', 'desc'])}`]],
        () => [[`${prefix}[${target}][count]`, 'true']],
        () =>
          target === 'body'
            ? [[`${prefix}[body][on][media.figure][populate][image][fields][0]`, 'url']]
            : [[`${prefix}[${target}]`, 'false']],
      ];
  const pairs = pick(choices)();
  if (depth < 3 && related && chance(0.4)) pairs.push(...populatePairs(random, related, `${prefix}[${target}][populate]`, depth + 1));
  if (related && chance(0.25)) pairs.push(...filterPairs(random, related, `${prefix}[${target}][filters]`, depth + 1));
  return pairs;
}

const escapeKey = (key) => key.replace(/[^\w[\]$.-]/g, (c) => encodeURIComponent(c));
const escapeValue = (value) =>
  // Values keep a deliberate broken escape now and then; otherwise they are escaped as a client would.
  BROKEN_ESCAPES.includes(value) || value === '%00' ? value : encodeURIComponent(value);

function sortPairs(random, collection) {
  const { pick, chance } = random;
  const spec = COLLECTIONS[collection];
  const scalar = () => pick(Object.keys(spec.scalars));
  if (chance(0.7)) {
    return pick([
      [['sort', `${scalar()}:${pick(['asc', 'desc', 'ASC'])}`]],
      [
        ['sort[0]', `${scalar()}:desc`],
        ['sort[1]', scalar()],
      ],
      [[`sort[${scalar()}]`, pick(['asc', 'desc'])]],
      [['sort', `${scalar()},${scalar()}:asc`]],
    ]);
  }
  return [
    [
      pick(['sort', 'sort[0]', `sort[${scalar()}]`, `sort[${scalar()}][x]`]),
      pick(['title:sideways', 'authors.name:asc', 'createdBy.email', 'asc', '', 'nope', 'body:asc', 'localizations.title']),
    ],
  ];
}

function fieldPairs(random, collection) {
  const { pick, chance } = random;
  const names = Object.keys(COLLECTIONS[collection].scalars);
  if (chance(0.7))
    return [
      ['fields[0]', pick(names)],
      ['fields[1]', pick(names)],
    ];
  return [[pick(['fields', 'fields[0]', 'fields[][]']), pick(['', 'title,slug', 'authors', 'internalNotes', 'email', '*', ...PROTO_KEYS])]];
}

/** API requests: random queries on every public collection (and a document of each), search and trends. */
function apiRequests(random, catalog, count) {
  const { pick, chance, int } = random;
  const requests = [];
  for (let i = 0; i < count; i++) {
    const collection = pick(Object.keys(COLLECTIONS));
    const single = collection === 'site';
    const pairs = [];
    const parts = 1 + int(3);
    for (let p = 0; p < parts; p++) {
      pick([
        () => pairs.push(...filterPairs(random, collection, 'filters')),
        () => pairs.push(...filterPairs(random, collection, 'filters')),
        () => pairs.push(...populatePairs(random, collection, 'populate')),
        () => pairs.push(...populatePairs(random, collection, 'populate')),
        () => pairs.push(...sortPairs(random, collection)),
        () => pairs.push(...fieldPairs(random, collection)),
        () =>
          pairs.push([
            `pagination[${chance(0.9) ? pick(['page', 'pageSize', 'start', 'limit']) : pick(['x', '__proto__', 'withCount'])}]`,
            chance(0.8) ? pick(['1', '2', '5', '25', '100']) : pick(ODD_NUMBERS.concat(['101', 'true'])),
          ]),
        () => pairs.push(['locale', chance(0.8) ? pick(['en', 'zh']) : pick(['ZH', 'all', '*', 'xx', ''])]),
        () =>
          pairs.push([
            pick([
              'status',
              '_q',
              'publicationFilter',
              'hasPublishedVersion',
              'count',
              'ordering',
              'page',
              'limit',
              'where',
              '__proto__[x]',
              'constructor[prototype][x]',
            ]),
            pick(['draft', 'published', 'modified', 'never-published', 'false', 'x']),
          ]),
        () => pairs.push([`filters[${pick(['title', 'slug', 'name'])}][$in][${pick(['150', '0', '99'])}]`, 'x']),
        () => pairs.push(['filters[slug][$eq]', 'x'.repeat(pick([1000, 7000]))]),
      ])();
    }
    const path = single
      ? '/api/site'
      : chance(0.15)
        ? `/api/${collection}/${pick([...catalog.documentIds, 'nope', '1', '__proto__', 'a'.repeat(300), '%zz'])}`
        : `/api/${collection}`;
    const query = pairs.map(([k, v]) => `${escapeKey(k)}=${escapeValue(v)}`).join('&');
    const headers = chance(0.15)
      ? pick([
          { Authorization: 'Basic eDp5' },
          { Authorization: 'Bearer' },
          { Authorization: 'Bearer x' },
          { Authorization: 'bearer' },
          { Authorization: 'Token abc' },
          { Authorization: '' },
          { Origin: 'https://evil.example' },
        ])
      : {};
    requests.push({
      app: 'cms',
      method: chance(0.05) ? pick(['POST', 'PUT', 'DELETE', 'OPTIONS']) : 'GET',
      path: `${path}?${query}`,
      headers,
    });
  }
  for (let i = 0; i < Math.ceil(count / 10); i++) {
    requests.push({
      app: 'cms',
      method: 'GET',
      path: pick([
        `/api/search?q=${escapeValue(pick(['harbour', '', '%zz', '"', 'a'.repeat(300), 'OR OR', '渡轮', '\u0000']))}&locale=${pick(['en', 'zh', 'xx', ''])}&page=${escapeValue(pick(ODD_NUMBERS))}&pageSize=${escapeValue(pick(ODD_NUMBERS))}`,
        `/api/search?q[]=x&q[]=y`,
        `/api/search?q=x&${pick(['section', 'author', 'tag'])}=${pick(['city', '%zz', '__proto__', 'a'.repeat(500)])}`,
        `/api/search-trends?locale=${pick(['en', 'zh', 'xx', '', '__proto__'])}`,
        `/api/search-trends?locale[]=en`,
        `/api/machine-translation/languages?locale=${pick(['en', 'zh', 'xx', '', '__proto__'])}`,
        `/api/machine-translation/articles/${pick(['x', '%zz', '__proto__', 'a'.repeat(300)])}?locale=${pick(['en', 'zh', 'xx'])}&to=${escapeValue(pick(['es', '', '<b>', 'es-ES', '../x', '\u0000']))}`,
        `/api/machine-translation/articles/x?to[]=es`,
        `/${pick(['uploads/%zz', 'uploads/..%2f..%2fpackage.json', 'api/%zz', '%', 'admin/%zz', 'api/articles/%E0%A4%A', '_health', 'api/users', 'api/upload/files', 'api/i18n/locales', 'api/connect/x', 'api/auth/local'])}`,
      ]),
      headers: {},
    });
  }
  return requests;
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** Sends one request exactly as written (no URL normalising); resolves { status, headers, body } or { error }. */
function send(base, { method, path, headers, body }, timeoutMs = 30_000) {
  const url = new URL(base);
  return new Promise((resolve) => {
    let request;
    try {
      request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: { Connection: 'keep-alive', ...headers },
          agent: keepAlive,
          timeout: timeoutMs,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (error) => resolve({ error: `response: ${error.message}` }));
        },
      );
    } catch (error) {
      // The client refused to send it (an invalid header value, say): not the server's fault.
      resolve({ skipped: error.message });
      return;
    }
    request.on('timeout', () => request.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ error: error.message }));
    if (body !== undefined) request.end(body);
    else request.end();
  });
}

const PRIVATE_KEYS = ['email', 'password', 'resetPasswordToken', 'internalNotes', 'createdBy', 'updatedBy'];
const DRAFT_TEXT = ['Council weighs three harbour levy options', 'DRAFT. Not for publication', 'draft-harbour-levy-options'];

// A machine translation may be refused for now (the budget, the provider, too many at once): a 503 with
// Retry-After is its answer, by design.
const TRANSLATION = /\/translate\/|\/api\/machine-translation\//;

/** What is wrong with one answer, or null: a 5xx, a dropped connection, a draft, a private key. */
function problemWith(answer, request = { path: '' }) {
  if (answer.error) return `connection: ${answer.error}`;
  const refusedForNow = answer.status === 503 && answer.headers?.['retry-after'] && TRANSLATION.test(request.path);
  if (answer.status >= 500 && !refusedForNow) return `status ${answer.status}`;
  const body = answer.body ?? '';
  // A 4xx may name what it refused (e.g. "Invalid key internalNotes"); content may never carry drafts.
  if (answer.status < 400 || answer.status >= 500) {
    for (const text of DRAFT_TEXT) if (body.includes(text)) return `draft content in the body: ${text}`;
  }
  const json = answer.headers?.['content-type']?.includes('json') ? safeJson(body) : undefined;
  if (json !== undefined) {
    const found = findInJson(json);
    if (found) return found;
  }
  return null;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function findInJson(value, path = '$') {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInJson(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    if ('publishedAt' in value && value.publishedAt === null) return `a draft row at ${path}`;
    for (const [key, inner] of Object.entries(value)) {
      if (PRIVATE_KEYS.includes(key)) return `a private key at ${path}.${key}`;
      const found = findInJson(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Runs `requests` with `concurrency` at a time; resolves the list of { request, answer }. */
async function runAll(bases, requests, concurrency = 6) {
  const results = new Array(requests.length);
  let next = 0;
  async function worker() {
    while (next < requests.length) {
      const i = next++;
      results[i] = { request: requests[i], answer: await send(bases[requests[i].app], requests[i]) };
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

module.exports = { prng, weeklySeed, webRequests, apiRequests, send, runAll, problemWith, findInJson, PRIVATE_KEYS, DRAFT_TEXT };
