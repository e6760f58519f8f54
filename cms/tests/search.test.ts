import { startCms, type TestCms } from './helpers/strapi';

const ARTICLE = 'api::article.article';
let cms: TestCms;
let authorId: string;
let sectionId: string;
let tagId: string;

beforeAll(async () => {
  // A small maximum, so a handful of articles can show what happens beyond it.
  cms = await startCms({ env: { SEARCH_MAX_RESULTS: '4' } });
  authorId = await cms.idOf('api::author.author', 'priya-raman');
  sectionId = await cms.idOf('api::section.section', 'culture');
  tagId = await cms.idOf('api::tag.tag', 'arts');
});
afterAll(async () => {
  await cms?.stop();
});

type Segment = { text: string; hit?: true };
type Hit = { slug: string; title: string; highlights: { title: Segment[]; snippet: Segment[] } };

const search = (query: Record<string, string | number>) => cms.api.get('/api/search').query(query);
const slugs = async (query: Record<string, string | number>) => {
  const res = await search(query);
  expect(res.status).toBe(200);
  return res.body.data.map((hit: Hit) => hit.slug);
};
const hits = (segments: Segment[]) => segments.filter((s) => s.hit).map((s) => s.text);

async function publish(slug: string, fields: { title: string; standfirst?: string; body?: string[]; related?: boolean }) {
  const articles = cms.strapi.documents(ARTICLE);
  const { documentId } = await articles.create({
    data: {
      slug,
      format: 'news',
      title: fields.title,
      standfirst: fields.standfirst ?? 'A report from Port Halden.',
      authors: [authorId],
      ...(fields.related ? { section: sectionId, tags: [tagId] } : {}),
      body: [
        {
          __component: 'content.rich-text',
          body: (fields.body ?? ['Nothing of note.']).map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
        },
      ],
    },
  });
  await articles.publish({ documentId });
  await new Promise((resolve) => setTimeout(resolve, 5)); // distinct publish times, for the tie-break
  return documentId;
}

describe('search ranking, snippets and matching', () => {
  beforeAll(async () => {
    await publish('quillwort-in-the-body', { title: 'Notes from the estuary', body: ['Volunteers counted quillwort along the bank.'] });
    await publish('quillwort-in-the-title', { title: 'Quillwort returns to the marsh', body: ['A small fern, back after years.'] });
    await publish('brackwater-older', { title: 'Tide tables', body: ['The brackwater pools fill twice a day.'] });
    await publish('brackwater-newer', { title: 'Tide tables', body: ['The brackwater pools fill twice a day.'] });
    await publish('lantern-phrase', { title: 'Evening on the quay', body: ['The saltmarsh lantern walk starts at dusk.'] });
    await publish('lantern-apart', { title: 'Evening on the quay', body: ['A lantern was lit near the saltmarsh.'] });
    await publish('seablite-title', { title: 'Seablite spreads on the saltings' });
    await publish('seablite-standfirst', { title: 'Saltings survey', standfirst: 'Seablite is spreading.' });
    await publish('seablite-body', { title: 'Saltings notes', body: ['Seablite again.'] });
    await publish('cafe-accents', { title: 'Café Brûlé opens on Mill Street', related: true, body: ['Coffee and pastries.'] });
    await publish('long-body', {
      title: 'Long read',
      body: [
        `${'Ordinary words about the city and its river. '.repeat(20)}Then the glasswort appears once. ${'More ordinary words. '.repeat(20)}`,
      ],
    });
  });

  it('ranks a title match above a standfirst match above a body match, and the newer of two equal matches first', async () => {
    // The body match was published first (older) and still loses to the title match.
    expect(await slugs({ q: 'quillwort' })).toEqual(['quillwort-in-the-title', 'quillwort-in-the-body']);
    expect(await slugs({ q: 'brackwater' })).toEqual(['brackwater-newer', 'brackwater-older']);
    // Title, then standfirst, then body, whatever their dates (the body match is the newest).
    expect(await slugs({ q: 'seablite' })).toEqual(['seablite-title', 'seablite-standfirst', 'seablite-body']);
  });

  it('highlights the matched words in the title and in a snippet around them', async () => {
    const res = await search({ q: 'QUILLWORT' });
    const [title, body] = res.body.data as Hit[];
    expect(hits(title.highlights.title)).toEqual(['Quillwort']);
    expect(title.highlights.title.map((s) => s.text).join('')).toBe('Quillwort returns to the marsh');
    expect(hits(body.highlights.snippet)).toEqual(['quillwort']);

    const [long] = (await search({ q: 'glasswort' })).body.data as Hit[];
    const text = long.highlights.snippet.map((s) => s.text).join('');
    expect(hits(long.highlights.snippet)).toEqual(['glasswort']);
    expect(text.length).toBeLessThan(300);
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
  });

  it('matches a quoted phrase only where its words are adjacent and in order', async () => {
    expect((await slugs({ q: 'saltmarsh lantern' })).sort()).toEqual(['lantern-apart', 'lantern-phrase']);
    expect(await slugs({ q: '"saltmarsh lantern"' })).toEqual(['lantern-phrase']);
  });

  it('matches the word being typed as a prefix, but not once it is finished', async () => {
    expect(await slugs({ q: 'quillw' })).toHaveLength(2);
    expect(await slugs({ q: 'saltmarsh lant' })).toHaveLength(2);
    expect(await slugs({ q: 'quillwort mar' })).toEqual(['quillwort-in-the-title']); // a short prefix: FTS5's prefix index
    expect(await slugs({ q: 'quillw ' })).toEqual([]);
  });

  it('folds case and diacritics both ways', async () => {
    expect(await slugs({ q: 'cafe brule' })).toEqual(['cafe-accents']);
    expect(await slugs({ q: 'CAFÉ' })).toEqual(['cafe-accents']);
    const [hit] = (await search({ q: 'brule' })).body.data as Hit[];
    expect(hits(hit.highlights.title)).toEqual(['Brûlé']);
  });

  it('finds Chinese text by any two or more consecutive characters, in its own locale only', async () => {
    // Seeded title: 议会批准为期六个月的夜间渡轮试运行
    for (const q of ['渡轮', '夜间渡轮', '批准为期六个月', '试运行']) {
      expect({ q, found: await slugs({ q, locale: 'zh' }) }).toEqual({ q, found: ['council-approves-night-ferry-trial'] });
    }
    expect(await slugs({ q: '渡间', locale: 'zh' })).toEqual([]);
    expect(await slugs({ q: 'night ferry', locale: 'zh' })).toEqual([]);
    const [hit] = (await search({ q: '渡轮', locale: 'zh' })).body.data as Hit[];
    expect(hits(hit.highlights.title)).toEqual(['渡轮']);
  });

  it('filters by section, author and tag', async () => {
    expect(await slugs({ q: 'cafe', section: 'culture' })).toEqual(['cafe-accents']);
    expect(await slugs({ q: 'cafe', section: 'economy' })).toEqual([]);
    expect(await slugs({ q: 'cafe', tag: 'arts', author: 'priya-raman' })).toEqual(['cafe-accents']);
    expect(await slugs({ q: 'cafe', author: 'wen-huang' })).toEqual([]);
  });

  it('finds articles by the names of their authors and tags', async () => {
    expect(await slugs({ q: 'priya raman quillwort' })).toHaveLength(2);
  });

  it('pages through results with a total count', async () => {
    const first = await search({ q: 'tide tables', pageSize: 1 });
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2, capped: false });
    const second = await search({ q: 'tide tables', pageSize: 1, page: 2 });
    expect(second.body.data.map((h: Hit) => h.slug)).toEqual(['brackwater-older']);
  });
});

describe('more matches than a search returns', () => {
  it('returns the newest matches ranked by relevance, and says that more matched', async () => {
    // Oldest first: a title match, then five body matches.
    await publish('marram-0-title', { title: 'Marram grass holds the dunes' });
    for (let i = 1; i <= 5; i++) await publish(`marram-${i}`, { title: `Dune notes ${i}`, body: ['Marram grass again.'] });
    const res = await search({ q: 'marram' });
    expect(res.body.data.map((hit: Hit) => hit.slug)).toEqual(['marram-5', 'marram-4', 'marram-3', 'marram-2']);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 4, capped: true });
    const paged = [...(await slugs({ q: 'marram', pageSize: 3 })), ...(await slugs({ q: 'marram', pageSize: 3, page: 2 }))];
    expect(paged).toEqual(['marram-5', 'marram-4', 'marram-3', 'marram-2']);

    // Once it is among the newest, the title match leads.
    const articles = cms.strapi.documents(ARTICLE);
    for (const slug of ['marram-5', 'marram-4']) await articles.delete({ documentId: await cms.idOf(ARTICLE, slug) });
    const after = await search({ q: 'marram' });
    expect(after.body.data.map((hit: Hit) => hit.slug)).toEqual(['marram-0-title', 'marram-3', 'marram-2', 'marram-1']);
    expect(after.body.meta.pagination.capped).toBe(false);
  });
});

describe('the index follows the published articles', () => {
  it('never finds a draft', async () => {
    expect(await slugs({ q: 'harbour levy options' })).not.toContain('draft-harbour-levy-options'); // the seeded draft
    await cms.strapi.documents(ARTICLE).create({
      data: { slug: 'unpublished-sandwort', title: 'Sandwort survey', format: 'news', authors: [authorId] },
    });
    expect(await slugs({ q: 'sandwort' })).toEqual([]);
  });

  it('never indexes private fields', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const { documentId } = await articles.create({
      data: {
        slug: 'private-notes',
        title: 'Harbour notice',
        standfirst: 'A notice to mariners.',
        format: 'news',
        authors: [authorId],
        internalNotes: 'Source is Zebulon at the port.',
      },
    });
    await articles.publish({ documentId });
    expect(await slugs({ q: 'zebulon' })).toEqual([]);
    const res = await search({ q: 'harbour notice' });
    expect(JSON.stringify(res.body)).not.toMatch(/zebulon|internalNotes|email/i);
  });

  it('follows publish, update, unpublish and delete', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const documentId = await publish('samphire-story', { title: 'Samphire harvest begins' });
    expect(await slugs({ q: 'samphire' })).toEqual(['samphire-story']);

    await articles.update({ documentId, data: { title: 'Sea-purslane harvest begins' } });
    expect(await slugs({ q: 'purslane' })).toEqual([]); // saved as a draft only
    await articles.publish({ documentId });
    expect(await slugs({ q: 'purslane' })).toEqual(['samphire-story']);
    expect(await slugs({ q: 'samphire harvest' })).toEqual([]);

    await articles.unpublish({ documentId });
    expect(await slugs({ q: 'purslane' })).toEqual([]);
    await articles.publish({ documentId });
    expect(await slugs({ q: 'purslane' })).toEqual(['samphire-story']);

    await articles.delete({ documentId });
    expect(await slugs({ q: 'purslane' })).toEqual([]);
  });

  it('re-indexes articles when an author is renamed', async () => {
    const authors = cms.strapi.documents('api::author.author');
    const wen = await cms.idOf('api::author.author', 'wen-huang');
    const before = (await search({ q: 'wen huang' })).body.meta.pagination.total;
    expect(before).toBeGreaterThan(0);
    await authors.update({ documentId: wen, data: { name: 'Wen Huang-Ostrander' } });
    await authors.publish({ documentId: wen });
    // Re-indexed in the background: wait for it, generously.
    for (let waited = 0; (await search({ q: 'ostrander' })).body.meta.pagination.total < before && waited < 30_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await search({ q: 'ostrander' })).body.meta.pagination.total).toBe(before);
  });

  it('catches up from the outbox when the CMS died between a publish and its index update', async () => {
    const { enqueue } = require('../dist/src/outbox/store') as typeof import('../src/outbox/store');
    const documentId = await publish('saltwort-story', { title: 'Saltwort on the estuary' });
    expect(await slugs({ q: 'saltwort' })).toEqual(['saltwort-story']);
    // A publish committed (the new title) whose process died before the index heard of it: all that is
    // left is its row in the outbox, which a worker serves once due.
    await cms.strapi.db.query(ARTICLE).updateMany({ where: { documentId }, data: { title: 'Marsh samphire on the saltmarsh' } });
    expect(await slugs({ q: 'marsh samphire' })).toEqual([]);
    const change = { event: 'entry.publish' as const, uid: ARTICLE, documentId, locale: 'en', before: null, after: null };
    await enqueue(cms.strapi.db.connection, [change], ['search']);
    for (let waited = 0; (await slugs({ q: 'marsh samphire' })).length === 0 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await slugs({ q: 'marsh samphire' })).toEqual(['saltwort-story']);
    expect(await slugs({ q: 'saltwort' })).toEqual([]);
  });

  it('rebuilds to the same results', async () => {
    const { searchIndexer } = require('../dist/src/search') as typeof import('../src/search');
    const indexer = searchIndexer(cms.strapi);
    await publish('sea-kale-rebuild', { title: 'Sea kale on the shingle', body: ['The kale flowers in June.'] });
    expect(await slugs({ q: 'sea kale' })).toEqual(['sea-kale-rebuild']);
    // The same articles; scores may differ in the last digits, since a fresh index has no deleted rows.
    const before = (await slugs({ q: 'the', pageSize: 50 })).sort();
    await indexer.engine.clear();
    expect(await slugs({ q: 'sea kale' })).toEqual([]);
    const progress: number[] = [];
    const indexed = await indexer.rebuild((done: number) => progress.push(done));
    expect(indexed).toBe(await cms.strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } }));
    expect(progress.at(-1)).toBe(indexed);
    expect((await slugs({ q: 'the', pageSize: 50 })).sort()).toEqual(before);
    expect(await slugs({ q: 'sea kale' })).toEqual(['sea-kale-rebuild']);
  });

  it('rebuilds a database that holds two published rows of one document and locale (as a restore can), finding it once', async () => {
    const { searchIndexer } = require('../dist/src/search') as typeof import('../src/search');
    const knex = cms.strapi.db.connection;
    const table = cms.strapi.db.metadata.get(ARTICLE).tableName;
    const documentId = await cms.idOf(ARTICLE, 'sea-kale-rebuild');
    const { id: _id, ...published } = await knex(table).where({ document_id: documentId }).whereNotNull('published_at').first();
    const [{ id: copy }] = await knex(table).insert(published).returning('id');
    try {
      await searchIndexer(cms.strapi).rebuild();
      expect(await slugs({ q: 'sea kale' })).toEqual(['sea-kale-rebuild']);
    } finally {
      await knex(table)
        .where({ id: typeof copy === 'object' ? copy.id : copy })
        .delete();
    }
  });
});

describe('bad search input', () => {
  it.each([
    [{}, /q is required/],
    [{ q: '' }, /q is required/],
    [{ q: '   ' }, /q is required/],
    [{ q: 'x'.repeat(201) }, /at most 200 characters/],
    [{ q: 'a b c d e f g h i j k l m' }, /at most 12 words/],
    [{ q: '*** :: ()' }, /at least one letter or digit/],
    [{ q: 'tide', page: 0 }, /page must be a whole number/],
    [{ q: 'tide', page: 'two' }, /page must be a whole number/],
    [{ q: 'tide', page: 99 }, /past the last page/],
    [{ q: 'tide', pageSize: 51 }, /pageSize must be at most 50/],
    [{ q: 'tide', pageSize: -1 }, /pageSize must be a whole number/],
    [{ q: 'tide', locale: 'xx' }, /locale must be one of/],
    [{ q: 'tide', section: 'Not A Slug!' }, /section must be a slug/],
  ])('%j is a 400: %s', async (query, message) => {
    const res = await search(query as Record<string, string | number>);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  // Every word here is in "Quillwort returns to the marsh" (body: "A small fern, back after years."), so
  // read as text each query finds it; read as FTS5 or tsquery syntax, many would fail or find nothing.
  const syntax = [
    'quillwort*',
    '*quillwort',
    'quillwort:',
    'marsh:quillwort',
    '{marsh}: quillwort',
    '-quillwort',
    'quillwort -fern',
    '(quillwort',
    'quillwort)',
    'quillwort\\',
    '\\"quillwort',
    '"quillwort',
    'quillwort"',
    '"quillwort""',
    "quillwort'",
    "'quillwort' & !marsh | <->",
    'quillwort:* & marsh:A',
    'quillwort^ ~ +',
    '[quillwort] %_',
  ];
  it.each(syntax)('treats search syntax as text: %s', async (q) => {
    const res = await search({ q });
    expect(res.status).toBe(200);
    expect(res.body.data.map((hit: Hit) => hit.slug)).toContain('quillwort-in-the-title');
  });

  // Operators are words to look for: no article here has "or", "near", "not" or "drop".
  it.each([
    'quillwort OR zzqx',
    'OR quillwort',
    'quillwort NEAR',
    'NEAR(quillwort marsh)',
    'quillwort NOT marsh',
    'quillwort; DROP TABLE search_documents; --',
  ])('treats operators as words: %s', async (q) => {
    const res = await search({ q });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  it('never answers 5xx to junk', async () => {
    for (const q of ['"', '""', '\\', '*', '-', ':', '(', ')', 'NEAR', 'OR', '\u0000', '🙂', '%00', '..', "'"]) {
      const res = await search({ q });
      expect({ q, status: res.status < 500 }).toEqual({ q, status: true });
    }
  });
});
