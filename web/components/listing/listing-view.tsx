import Image from 'next/image';
import { ArticleList } from '@/components/articles/article-list';
import { Pagination } from '@/components/articles/pagination';
import { JsonLd } from '@/components/json-ld';
import { SearchTrends } from '@/components/search/search-trends';
import { personJsonLd } from '@/lib/seo/json-ld';
import type { loadListing } from '@/lib/pages/listing';
import { labelsFor } from '@/lib/labels';

export function ListingView({ listing }: { listing: Awaited<ReturnType<typeof loadListing>> }) {
  const { entry, articles, locale, page, basePath, timeZone, trends } = listing;
  const isAuthor = 'bio' in entry;
  const t = labelsFor(locale);
  return (
    <>
      {isAuthor && <JsonLd data={personJsonLd(entry, locale)} />}
      <header className="listing__header">
        {isAuthor && entry.avatar && (
          <Image
            className="avatar avatar--large"
            src={entry.avatar.src}
            alt={entry.avatar.alt}
            width={96}
            height={96}
            sizes="96px"
            priority
          />
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
