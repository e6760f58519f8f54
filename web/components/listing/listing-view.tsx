import Image from 'next/image';
import { ArticleList } from '@/components/articles/article-list';
import { Pagination } from '@/components/articles/pagination';
import { JsonLd } from '@/components/json-ld';
import { SearchTrends } from '@/components/search/search-trends';
import { personJsonLd } from '@/lib/seo/json-ld';
import type { ArticleSummary, AuthorProfile, Slice, Taxonomy } from '@/lib/cms';
import type { Locale } from '@/lib/i18n';
import type { Trend } from '@/lib/search';
import { labelsFor } from '@/lib/labels';
import { LanguageSwitcher, versionsOf } from '@/components/layout/language-switcher';

export type ListingKind = 'sections' | 'tags' | 'authors';

/** What a section, tag or author page shows: the entry and one page of its articles, newest first. */
export type Listing = {
  locale: Locale;
  kind: ListingKind;
  entry: Taxonomy | AuthorProfile;
  articles: Slice<ArticleSummary>;
  page: number;
  basePath: string;
  timeZone: string;
  trends: Trend[];
};

const SCOPE = { sections: 'section', tags: 'tag', authors: 'author' } as const;

export function ListingView({ listing }: { listing: Listing }) {
  const { entry, articles, locale, page, basePath, timeZone, trends } = listing;
  const isAuthor = 'bio' in entry;
  const t = labelsFor(locale);
  return (
    <>
      <LanguageSwitcher locale={locale} versions={versionsOf(SCOPE[listing.kind], locale, entry.slug, entry.translations)} t={t} />
      {isAuthor && <JsonLd data={personJsonLd(entry, locale)} />}
      <header className="listing__header">
        {isAuthor && entry.avatar && (
          <Image className="avatar avatar--large" src={entry.avatar.src} alt={entry.avatar.alt} width={96} height={96} priority />
        )}
        <div>
          <h1>{entry.name}</h1>
          {isAuthor && entry.role && <p className="meta">{entry.role}</p>}
          {isAuthor ? entry.bio && <p>{entry.bio}</p> : entry.description && <p>{entry.description}</p>}
          <p className="meta">
            <a href={`${basePath}/feed.xml`}>RSS</a> · <a href={`${basePath}/atom.xml`}>Atom</a> ·{' '}
            <a href={`${basePath}/feed.json`}>JSON Feed</a>
          </p>
        </div>
      </header>
      <h2 className="visually-hidden">Articles</h2>
      <ArticleList articles={articles.items} locale={locale} timeZone={timeZone} empty={t.nothingHere} />
      <Pagination basePath={basePath} page={page} hasMore={articles.hasMore} labels={t} />
      <SearchTrends locale={locale} initial={trends} />
    </>
  );
}
