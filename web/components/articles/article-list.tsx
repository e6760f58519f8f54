import Link from 'next/link';
import Image from 'next/image';
import type { ArticleSummary } from '@/lib/cms';
import { type Locale, entryPath } from '@/lib/i18n';
import { formatDate } from '@/lib/format';

export function ArticleList({
  articles,
  locale,
  timeZone,
  empty,
}: {
  articles: ArticleSummary[];
  locale: Locale;
  timeZone: string;
  empty: string;
}) {
  if (articles.length === 0) return <p>{empty}</p>;
  return (
    <ol className="cards">
      {articles.map((article) => (
        <li key={article.id} className="card">
          {article.cover && (
            <Image
              className="card__image"
              src={article.cover.src}
              alt={article.cover.alt}
              width={article.cover.width}
              height={article.cover.height}
              sizes="(max-width: 44rem) 30vw, 12rem"
            />
          )}
          <div>
            {article.section && <span className="kicker">{article.section.name}</span>}
            <h3 className="card__title">
              <Link href={entryPath('article', article.slug, locale)}>{article.title}</Link>
            </h3>
            {article.standfirst && <p className="card__standfirst">{article.standfirst}</p>}
            <p className="meta">
              {article.authors.map((a) => a.name).join(', ')} ·{' '}
              <time dateTime={article.firstPublished.toISOString()}>{formatDate(article.firstPublished, timeZone, locale)}</time>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
