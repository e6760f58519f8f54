import { countRender, translationAddress, translationRefusal, waitBeforeRender } from '../translation-gate';
import { env } from '../env';

const rendered = (cache: string | null, status = 200) => new Response('', { status, headers: cache ? { 'x-nextjs-cache': cache } : {} });

describe('the translation gate', () => {
  it('knows a translation’s address and the original it belongs to', () => {
    expect(translationAddress('/articles/ferry-trial/translate/es')).toEqual({ originalPath: '/articles/ferry-trial', language: 'es' });
    expect(translationAddress('/zh/articles/ferry-trial/translate/en')).toEqual({
      originalPath: '/zh/articles/ferry-trial',
      language: 'en',
    });
    expect(translationAddress('/articles/ferry-trial')).toBeNull();
    expect(translationAddress('/articles/a/b/translate/es')).toBeNull();
    expect(translationAddress('/articles/%zz/translate/es')).toBeNull();
  });

  it('lets a reader have a few pages rendered an hour, and cached pages always', async () => {
    const reader = 'reader-under-test';
    for (let i = 0; i < env.TRANSLATION_READER_PER_HOUR; i++) {
      expect(await waitBeforeRender(reader, `/articles/a${i}/translate/es`)).toBe(0);
      await countRender(reader, `/articles/a${i}/translate/es`, rendered('MISS'));
    }
    expect(await waitBeforeRender(reader, '/articles/new/translate/es')).toBeGreaterThan(3_000);
    // A page this server answered from its cache costs nothing, for this reader too.
    await countRender('someone-else', '/articles/cached/translate/es', rendered('HIT'));
    expect(await waitBeforeRender(reader, '/articles/cached/translate/es')).toBe(0);
    // Failures are not counted.
    await countRender('another', '/articles/x/translate/es', rendered(null, 503));
    expect(await waitBeforeRender('another', '/articles/y/translate/es')).toBe(0);
  });

  it('refuses with 429 or 503, Retry-After, no-store, in the translation’s language when the site has its words', async () => {
    const busy = translationRefusal('es', '/articles/x', 'busy', 120);
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('120');
    expect(busy.headers.get('cache-control')).toBe('no-store');
    const unavailable = translationRefusal('de', '/articles/<x>', 'unavailable', 60);
    expect(unavailable.status).toBe(503);
    const html = await unavailable.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('A machine translation cannot be made right now');
    expect(html).toContain('href="/articles/&lt;x&gt;"');
  });
});
