import type { SiteChange } from '@newsroom/contract';
import { startCms, type TestCms } from './helpers/strapi';

// Picture rights: a figure's licence and "usable until" time. Past it, the picture is no longer published:
// the pre-publish checks refuse it, the API answers hold no image for it, its files answer 410, and each
// published entry showing it gets a change event that names the withheld files (for the site and the edge).
const { endPictureRights } = require('../dist/src/rights/sweep') as typeof import('../src/rights/sweep');
const { edgeKeys } = require('../dist/src/outbox/receivers') as typeof import('../src/outbox/receivers');
const { SITE_CHANGE_EVENT } = require('../dist/src/refresh/site-refresh') as typeof import('../src/refresh/site-refresh');

const ARTICLE = 'api::article.article';
const SLUG = 'corn-exchange-reopens-as-theatre';
let cms: TestCms;
let auth: { Authorization: string };
beforeAll(async () => {
  cms = await startCms();
  auth = await cms.signIn();
});
afterAll(async () => {
  await cms?.stop();
});

type Cover = { caption: string; credit: string; alt: string; licence: string; usableUntil: string | null; image: { id: number } | null };
const articles = () => cms.strapi.documents(ARTICLE);
const publicCover = async (slug: string) =>
  (await cms.api.get('/api/articles').query({ 'filters[slug][$eq]': slug, 'populate[cover][populate][0]': 'image' })).body.data[0]
    ?.cover as (Omit<Cover, 'image'> & { image: { url: string; formats: Record<string, { url: string }> } | null }) | undefined;

/** Gives the draft's cover new rights, keeping its picture and words. */
async function setCoverRights(
  documentId: string,
  rights: Partial<Pick<Cover, 'licence' | 'usableUntil'>> & { licenceUrl?: string | null },
) {
  const draft = await articles().findOne({ documentId, locale: 'en', populate: { cover: { populate: ['image'] } } });
  const { caption, credit, alt, licence, usableUntil, image } = draft!.cover as unknown as Cover;
  await articles().update({
    documentId,
    locale: 'en',
    data: { cover: { caption, credit, alt, licence, usableUntil, image: image!.id, ...rights } } as never,
  });
}

const publishRefusal = async (documentId: string) => {
  try {
    await articles().publish({ documentId, locale: 'en' });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('the pre-publish checks', () => {
  it('refuse a picture whose licence has ended, and a Creative Commons one that does not say which', async () => {
    const documentId = await cms.idOf(ARTICLE, SLUG);
    await setCoverRights(documentId, { licence: 'agency', usableUntil: '2026-01-31T12:00:00.000Z' });
    expect(await publishRefusal(documentId)).toMatch(
      /the licence of the cover figure ended on 2026-01-31: renew it or choose another picture/,
    );

    await setCoverRights(documentId, { licence: 'creative-commons', usableUntil: null, licenceUrl: null });
    expect(await publishRefusal(documentId)).toMatch(/the cover figure is under a Creative Commons licence but does not say which/);

    await setCoverRights(documentId, { licenceUrl: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(await publishRefusal(documentId)).toBeNull();
    expect(await publicCover(SLUG)).toMatchObject({ licence: 'creative-commons', usableUntil: null });
  });

  it('refuse a licence URL that is not a web address', async () => {
    const documentId = await cms.idOf(ARTICLE, SLUG);
    await setCoverRights(documentId, { licenceUrl: 'javascript:alert(1)' });
    expect(await publishRefusal(documentId)).toMatch(/licenceUrl/);
    await setCoverRights(documentId, { licenceUrl: 'https://creativecommons.org/licenses/by/4.0/' });
  });
});

describe('a licence that ends', () => {
  it('stops the picture being published at its end time: API answers, its files, and a refresh of the pages', async () => {
    const documentId = await cms.idOf(ARTICLE, SLUG);
    const endsAt = new Date(Date.now() + 2_000);
    await setCoverRights(documentId, { licence: 'agency', licenceUrl: null, usableUntil: endsAt.toISOString() });
    expect(await publishRefusal(documentId)).toBeNull();

    const before = await publicCover(SLUG);
    expect(before?.image).not.toBeNull();
    const files = [before!.image!.url, ...Object.values(before!.image!.formats).map((format) => format.url)];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect((await cms.api.get(file)).status).toBe(200);

    const events: SiteChange[] = [];
    const listener = async (event: SiteChange) => void events.push(event);
    cms.strapi.eventHub.on(SITE_CHANGE_EVENT, listener);
    try {
      await new Promise((resolve) => setTimeout(resolve, endsAt.getTime() - Date.now() + 100));

      // At once, on every request: the figure keeps its words, without the picture; the files are gone.
      const after = await publicCover(SLUG);
      expect(after).toMatchObject({ caption: before!.caption, credit: before!.credit, alt: before!.alt, image: null });
      for (const file of files) {
        const res = await cms.api.get(file);
        expect([res.status, res.headers['cache-control']]).toEqual([410, 'no-store']);
        expect(res.body.error.message).toMatch(/licence has ended/);
      }
      // However few of the file's fields are asked for (the site asks for url, width and height).
      const fieldsOnly = await cms.api.get('/api/articles').query({
        'filters[slug][$eq]': SLUG,
        'populate[cover][fields][0]': 'caption',
        'populate[cover][populate][image][fields][0]': 'url',
      });
      expect(fieldsOnly.body.data[0].cover).toEqual({ id: expect.anything(), caption: before!.caption, image: null });
      const list = await cms.api.get('/api/articles').query({ 'populate[cover][populate][0]': 'image', 'pagination[pageSize]': 50 });
      expect(JSON.stringify(list.body)).not.toContain(before!.image!.url);

      // The minute's task tells the site and the edge, once, naming the files withheld.
      const done = await endPictureRights(cms.strapi);
      expect(done).toEqual([expect.stringContaining(`withheld from ${ARTICLE} ${documentId} (en)`)]);
      expect(await endPictureRights(cms.strapi)).toEqual([]);
      const change = events.find((event) => event.documentId === documentId)!;
      expect(change).toMatchObject({ event: 'entry.update', uid: ARTICLE, locale: 'en', before: { slug: SLUG } });
      expect(change.after?.picturesWithheld?.sort()).toEqual(files.map((file) => new URL(file, 'http://cms').pathname).sort());
      expect(edgeKeys(change)).toEqual(expect.arrayContaining([documentId, ...change.after!.picturesWithheld!, '/_next/image']));
    } finally {
      cms.strapi.eventHub.removeListener(SITE_CHANGE_EVENT, listener);
    }

    // The editor still has the draft with its picture; republishing it is refused until the licence is renewed.
    const draft = await articles().findOne({ documentId, locale: 'en', populate: { cover: { populate: ['image'] } } });
    expect((draft!.cover as unknown as Cover).image).not.toBeNull();
    expect(await publishRefusal(documentId)).toMatch(/the licence of the cover figure ended/);
    await setCoverRights(documentId, { usableUntil: new Date(Date.now() + 365 * 24 * 3_600_000).toISOString() });
    expect(await publishRefusal(documentId)).toBeNull();
    expect((await publicCover(SLUG))?.image).not.toBeNull();
    expect((await cms.api.get(files[0])).status).toBe(200);
  });
});

describe('the licences widget', () => {
  it('lists, for signed-in editors, the pictures whose licence ends in the next 14 days with the articles using them', async () => {
    expect((await cms.api.get('/desk/licences-ending')).status).toBe(401);
    const res = await cms.api.get('/desk/licences-ending').set(auth);
    expect(res.status).toBe(200);
    const items = res.body.data.items as {
      name: string;
      endsAt: string;
      licence: string;
      uses: { documentId: string; title: string; published: boolean }[];
    }[];
    // The seed's handout, usable for ten days.
    const handout = items.find((item) => item.licence === 'handout');
    expect(handout).toBeDefined();
    expect(Date.parse(handout!.endsAt) - Date.now()).toBeGreaterThan(9 * 24 * 3_600_000);
    expect(handout!.uses).toEqual([
      expect.objectContaining({ documentId: await cms.idOf(ARTICLE, 'estuary-marsh-restoration-finds-first-terns'), published: true }),
    ]);
    // A renewal a year ahead is not listed.
    expect(items.some((item) => item.uses.some((use) => use.title.startsWith('Corn Exchange')))).toBe(false);
  });
});
