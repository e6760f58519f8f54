import type { ArticleSummary } from '@/lib/cms';

const published = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

export function LatestList({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return <p>Nothing has been published yet.</p>;
  return (
    <ol className="latest">
      {articles.map((article) => (
        <li key={article.id} className="latest__item">
          {article.section && <span className="latest__kicker">{article.section.name}</span>}
          <h2 className="latest__title">{article.title}</h2>
          {article.standfirst && <p>{article.standfirst}</p>}
          <p className="latest__meta">
            {article.authors.map((author) => author.name).join(', ')} ·{' '}
            <time dateTime={article.firstPublished.toISOString()}>{published.format(article.firstPublished)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
