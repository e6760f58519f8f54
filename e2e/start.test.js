const { createSystem } = require('./helpers/system');

// `npm start` on a fresh database: what a new developer sees after the README's first command.
const system = createSystem({ cmsPort: 1391, webPort: 3091 });
afterAll(() => system.cleanup());

const readerTitles = async () =>
  [...(await (await fetch(system.web)).text()).matchAll(/<a href="\/articles\/[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]);

describe('npm start', () => {
  it('brings up the seeded CMS, the admin login it prints, and the web page listing the articles; and starts again', async () => {
    const first = system.start();
    try {
      await first.ready;
      const password = first.output().match(/password\s+(\S+)/)?.[1];
      expect(password).toEqual(expect.any(String));

      const api = await (await fetch(`${system.cms}/api/articles?pagination[pageSize]=100`)).json();
      expect(api.meta.pagination.total).toBe(13);
      expect(api.data.every((a) => typeof a.documentId === 'string')).toBe(true);

      const titles = await readerTitles();
      expect(titles).toContain('The night ferry trial should not need a trial');
      expect(titles).toContain('Council approves six-month night ferry trial');
      expect(titles).not.toContain('Council weighs three harbour levy options');

      const login = await fetch(`${system.cms}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@tidewater.local', password }),
      });
      expect(login.status).toBe(200);
    } finally {
      await first.stop();
    }

    const second = system.start();
    try {
      await second.ready;
      expect(second.output()).toMatch(/Cached:\s+3 cached, 3 total/); // nothing rebuilt
      expect(second.output()).not.toMatch(/Admin account created/);
      expect(second.output()).not.toMatch(/Seeding the demo outlet/);
      expect(await readerTitles()).toContain('Council approves six-month night ferry trial');
    } finally {
      await second.stop();
    }
  });
});
