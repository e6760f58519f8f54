const { createSystem } = require('./helpers/system');
const { adminSession, waitFor } = require('./helpers/http');

// A picture whose licence ends, on the running system: the editor sets "usable until" a little ahead and
// publishes; at that time, without anyone republishing, the article page, its feed entry, the API and the
// picture's addresses (the original and the site's resized copies) stop showing it, within the minute of
// the scheduled task that refreshes the pages.
const ADMIN = { email: 'e2e-rights@tidewater.test', password: 'E2e-Passw0rd!' };
const system = createSystem({ cmsPort: 1398, webPort: 3098, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
const ARTICLE = 'api::article.article';
const SLUG = 'night-market-returns-to-quayside';
// The end lies this far ahead of the publish: long enough for the publish's own refresh to land first.
const LEAD_MS = 20_000;
let session;
const running = system.duringTests({ ready: async () => (session = await adminSession(system.cms, ADMIN)) });

const text = async (url) => {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
};
const publicCover = async () =>
  (await (await fetch(`${system.cms}/api/articles?filters[slug][$eq]=${SLUG}&populate[cover][populate][0]=image`)).json()).data[0].cover;

it('stops showing the picture everywhere when its licence ends, without a republish', async () => {
  const { documentId, cover } = (
    await (await fetch(`${system.cms}/api/articles?filters[slug][$eq]=${SLUG}&populate[cover][populate][0]=image`)).json()
  ).data[0];
  const file = cover.image.url;
  const name = file.split('/').pop();
  const resized = `/_next/image?url=${encodeURIComponent(file)}&w=640&q=75`;

  // Readers have it in every cache: the page, the feed, the original and a resized copy.
  expect((await text(`${system.web}/articles/${SLUG}`)).body).toContain(name);
  expect((await text(`${system.web}/feed.xml`)).body).toContain(name);
  expect((await fetch(`${system.web}${file}`)).status).toBe(200);
  expect((await fetch(`${system.web}${resized}`)).status).toBe(200);

  // The agency's licence ends shortly: the desk records it, and the article is published with it.
  const endsAt = new Date(Date.now() + LEAD_MS);
  const draft = (await session.request(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=en`)).body.data;
  const saved = await session.request(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=en`, 'PUT', {
    cover: { ...draft.cover, image: draft.cover.image.id, licence: 'agency', usableUntil: endsAt.toISOString() },
  });
  expect(saved.status).toBe(200);
  expect(
    (await session.request(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=en`, 'POST', {})).status,
  ).toBe(200);
  const widget = await session.request('/desk/licences-ending');
  expect(widget.body.data.items).toContainEqual(
    expect.objectContaining({ endsAt: endsAt.toISOString(), uses: [expect.objectContaining({ documentId, published: true })] }),
  );
  expect((await publicCover()).image).not.toBeNull();
  // The page as cached after that publish (its settled second refresh included) still shows the picture: from
  // here on only the minute's task can change it.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect((await text(`${system.web}/articles/${SLUG}`)).body).toContain(name);

  await new Promise((resolve) => setTimeout(resolve, endsAt.getTime() - Date.now()));
  // At its end the CMS serves it no more, on every request.
  expect((await publicCover()).image).toBeNull();
  expect((await publicCover()).caption).toBe(cover.caption);
  expect((await fetch(`${system.cms}${file}`)).status).toBe(410);
  expect((await fetch(`${system.web}${file}`)).status).toBe(410);

  // Within the task's minute the pages that showed it are refreshed: a placeholder with the caption and credit.
  const page = () => text(`${system.web}/articles/${SLUG}`);
  let seen = '';
  const shown = (html) => {
    const at = html.indexOf(name);
    seen = at < 0 ? '' : html.slice(Math.max(0, at - 300), at + 100);
    return at >= 0;
  };
  const logs = () => (running.output().match(/.*(picture rights|revalidated).*/g) ?? []).join('\n');
  const ms = await waitFor(async () => !shown((await page()).body), {
    timeoutMs: 90_000,
    describe: () => `the page still shows the picture: ${seen}\nlogs:\n${logs()}`,
  });
  console.log(`the page dropped the picture ${ms} ms after its licence ended`);
  const { body } = await page();
  expect(body).toContain('This picture is no longer available.');
  expect(body).toContain(cover.credit);
  await waitFor(async () => !(await text(`${system.web}/feed.xml`)).body.includes(name), { timeoutMs: 15_000 });
  expect((await text(`${system.web}/`)).body).not.toContain(name);
  // The site's resized copy, kept by the image optimiser for a year, is refused too.
  expect((await fetch(`${system.web}${resized}`)).status).toBe(410);
}, 180_000);
