import { entryPath, localePath, slugOfPath, splitLocale } from '@newsroom/contract';

describe('page paths (the contract’s, shared with the CMS’s Preview)', () => {
  it('puts the default locale unprefixed and every other under its prefix', () => {
    expect(entryPath('article', 'night-ferry')).toBe('/articles/night-ferry');
    expect(entryPath('article', 'night-ferry', 'zh')).toBe('/zh/articles/night-ferry');
    expect(entryPath('page', 'privacy', 'zh')).toBe('/zh/privacy');
    expect(entryPath('series', 'the-tideline-question', 'en')).toBe('/series/the-tideline-question');
    expect(localePath('zh', '/')).toBe('/zh');
    expect(localePath('en', '/')).toBe('/');
  });

  it('reads a path back into its locale and an article’s slug, and nothing else', () => {
    expect(splitLocale('/zh/articles/x')).toEqual({ locale: 'zh', path: '/articles/x' });
    expect(splitLocale('/articles/x')).toEqual({ locale: 'en', path: '/articles/x' });
    expect(splitLocale('/ZH/articles/x')).toEqual({ locale: 'en', path: '/ZH/articles/x' });
    expect(slugOfPath('article', '/articles/x/')).toBe('x');
    expect(slugOfPath('article', '/articles/x/y')).toBeNull();
    expect(slugOfPath('article', '/series/x')).toBeNull();
  });
});
