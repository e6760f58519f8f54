import 'server-only';
import { Feed } from 'feed';
import {
  getAuthor,
  getLatestArticles,
  getNewestArticlesOf,
  getRecentCorrections,
  getSection,
  getSeries,
  getSite,
  type ArticleSummary,
} from '@/lib/cms';
import { type Locale, localePath, entryPath } from '@/lib/i18n';
import { absoluteUrl } from '@/lib/site-url';
import { labelsFor } from '@/lib/labels';
import { withLocale } from '@/lib/pages/params';

// RSS 2.0, Atom and JSON Feed, site-wide and per section, author and series, built with `feed`.

const FORMATS = {
  'feed.xml': { render: (f: Feed) => f.rss2(), type: 'application/rss+xml; charset=utf-8' },
  'atom.xml': { render: (f: Feed) => f.atom1(), type: 'application/atom+xml; charset=utf-8' },
  'feed.json': { render: (f: Feed) => f.json1(), type: 'application/feed+json; charset=utf-8' },
} as const;
export type FeedFile = keyof typeof FORMATS;
export const FEED_FILES = Object.keys(FORMATS) as FeedFile[];
// Own keys only: a path segment such as `__proto__` or `constructor` is not a feed.
export const isFeedFile = (value: string): value is FeedFile => Object.hasOwn(FORMATS, value);

const NOT_FOUND = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export type FeedScope = { kind: 'site' } | { kind: 'sections' | 'authors' | 'series'; slug: string };
const ITEMS = 30;
const SCOPE_KIND = { sections: 'section', authors: 'author', series: 'series' } as const;

async function scoped(
  locale: Locale,
  scope: FeedScope,
): Promise<{ title: string; description: string; path: string; items: ArticleSummary[] } | null> {
  const options = { locale, pageSize: ITEMS };
  if (scope.kind === 'site') return { title: '', description: '', path: '/', items: await getLatestArticles(options) };
  const entry = await (scope.kind === 'sections' ? getSection : scope.kind === 'authors' ? getAuthor : getSeries)(locale, scope.slug);
  if (!entry) return null;
  const description = 'bio' in entry ? entry.bio : entry.description;
  return {
    title: entry.name,
    description,
    path: `/${scope.kind}/${entry.slug}`,
    items: await getNewestArticlesOf({ kind: SCOPE_KIND[scope.kind], id: entry.id }, options),
  };
}

export async function feedResponse(locale: Locale, scope: FeedScope, file: FeedFile): Promise<Response> {
  const [found, site] = await Promise.all([scoped(locale, scope), getSite(locale)]);
  if (!found) return NOT_FOUND();
  const link = absoluteUrl(localePath(locale, found.path));
  const feed = new Feed({
    title: found.title ? `${found.title} · ${site.name}` : site.name,
    description: found.description || site.description,
    id: link,
    link,
    language: locale,
    copyright: `© ${site.name}`,
    updated: found.items[0]?.updated,
    image: site.logo ? absoluteUrl(site.logo.src) : undefined,
    feedLinks: Object.fromEntries(
      FEED_FILES.map((f) => [f === 'feed.xml' ? 'rss' : f === 'atom.xml' ? 'atom' : 'json', `${link.replace(/\/$/, '')}/${f}`]),
    ),
  });
  for (const article of found.items) {
    const url = absoluteUrl(entryPath('article', article.slug, locale));
    feed.addItem({
      title: article.title,
      id: url,
      link: url,
      description: article.standfirst,
      date: article.updated,
      published: article.firstPublished,
      author: article.authors.map((a) => ({ name: a.name, link: absoluteUrl(entryPath('author', a.slug, locale)) })),
      category: article.section ? [{ name: article.section.name }] : undefined,
      image: article.cover ? absoluteUrl(article.cover.src) : undefined,
    });
  }
  return new Response(FORMATS[file].render(feed), { headers: { 'Content-Type': FORMATS[file].type } });
}

/** The corrections feed: one item per correction, linking to the corrections of its article. */
export async function correctionsFeedResponse(locale: Locale): Promise<Response> {
  const [corrections, site] = await Promise.all([getRecentCorrections(locale), getSite(locale)]);
  const link = absoluteUrl(localePath(locale, '/'));
  const feed = new Feed({
    title: `${labelsFor(locale).corrections} · ${site.name}`,
    description: `${labelsFor(locale).corrections}: ${site.name}`,
    id: absoluteUrl(localePath(locale, '/corrections.xml')),
    link,
    language: locale,
    copyright: `© ${site.name}`,
    updated: corrections[0]?.date,
  });
  for (const correction of corrections) {
    const url = `${absoluteUrl(entryPath('article', correction.article.slug, locale))}#corrections`;
    feed.addItem({
      title: `${labelsFor(locale).corrections}: ${correction.article.title}`,
      id: `${url}-${correction.date.toISOString()}`,
      link: url,
      description: correction.text,
      date: correction.date,
    });
  }
  return new Response(feed.rss2(), { headers: { 'Content-Type': FORMATS['feed.xml'].type } });
}

type ScopedParams = Promise<{ locale: string; slug: string; feed: string }>;

/** The GET handler of `/<kind>/<slug>/<feed file>`: 404 for an unknown feed file. */
export function scopedFeedRoute(kind: 'sections' | 'authors' | 'series') {
  return async function GET(_request: Request, { params }: { params: ScopedParams }) {
    const { locale, slug, feed } = await withLocale(params);
    if (!isFeedFile(feed)) return NOT_FOUND();
    return feedResponse(locale, { kind, slug }, feed);
  };
}
