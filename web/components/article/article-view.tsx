import Image from 'next/image';
import Link from 'next/link';
import type { Article, AuthorProfile, Series, Site } from '@/lib/cms';
import { entryPath, htmlLang, type Locale } from '@/lib/i18n';
import { formatDateline } from '@/lib/format';
import type { Labels } from '@/lib/labels';
import { Figure } from '@/components/article/figure';
import { RichText } from '@/components/article/rich-text.client';

/**
 * An article as readers see it, from the kicker to "About the author": its own page, and its machine
 * translations (the same design), where `language` is the translation's and `t` speaks it. What the
 * translation leaves in the original's language (bios, the series' note and part titles) says so (`lang`).
 * `notices` go under the header (a translation's notice, a stale translation's warning).
 */
export function ArticleView({
  article,
  authors,
  series,
  site,
  locale,
  language = locale,
  t,
  notices,
}: {
  article: Article;
  authors: AuthorProfile[];
  series: Series | null;
  site: Site;
  locale: Locale;
  language?: string;
  t: Labels;
  notices?: React.ReactNode;
}) {
  const original = language === locale ? undefined : htmlLang(locale);
  const seriesNote = !article.editorsNote && series?.editorsNote;
  const note = article.editorsNote ?? series?.editorsNote ?? null;
  const when = (date: Date) => formatDateline(date, site.timeZone, language);

  return (
    <>
      <header className="article__header">
        {article.section && (
          <Link className="kicker" href={entryPath('section', article.section.slug, locale)} lang={original}>
            {article.section.name}
          </Link>
        )}
        <h1 className="article__headline">
          {series && (
            <>
              <Link className="article__series" href={entryPath('series', series.slug, locale)} lang={original}>
                {series.name}
              </Link>
              <span className="article__series-separator">: </span>
            </>
          )}
          {article.title}
        </h1>
        {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
        <p className="byline">
          {t.by}{' '}
          {article.authors.map((author, index) => (
            <span key={author.id}>
              {index > 0 && (index === article.authors.length - 1 ? t.and : ', ')}
              <Link href={entryPath('author', author.slug, locale)} rel="author">
                {author.name}
              </Link>
            </span>
          ))}
        </p>
        <p className="dateline">
          {t.updated} <time dateTime={article.updated.toISOString()}>{when(article.updated)}</time>
          {article.updated.getTime() !== article.firstPublished.getTime() && (
            <>
              {' '}
              · {t.firstPublished} <time dateTime={article.firstPublished.toISOString()}>{when(article.firstPublished)}</time>
            </>
          )}
        </p>
      </header>

      {notices}

      {article.cover && <Figure figure={article.cover} priority />}
      {article.coverWithheld && <Figure figure={article.coverWithheld} withheld={t.pictureWithheld} />}

      {note && (
        <aside className="editors-note" aria-label={note.label} lang={seriesNote ? original : undefined}>
          <h2 className="editors-note__label">{note.label}</h2>
          <RichText blocks={note.blocks} />
        </aside>
      )}

      <div className="article__body">
        {article.body.map((part, index) =>
          part.kind === 'text' ? (
            <RichText key={index} blocks={part.blocks} />
          ) : (
            <Figure key={index} figure={part.figure} withheld={t.pictureWithheld} />
          ),
        )}
      </div>

      {article.corrections.length > 0 && (
        <section id="corrections" className="corrections" aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t.corrections}</h2>
          <ul>
            {article.corrections.map((correction) => (
              <li key={correction.date.toISOString()}>
                <time dateTime={correction.date.toISOString()}>{when(correction.date)}</time>: {correction.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {series && series.parts.length > 1 && (
        <nav className="read-more" aria-labelledby="read-more-title">
          <h2 id="read-more-title">
            {t.readMore}: <span lang={original}>{series.name}</span>
          </h2>
          <ol>
            {series.parts.map((part) => (
              <li key={part.id}>
                {part.id === article.id ? (
                  <span aria-current="page">
                    {part.partNumber ? t.part(part.partNumber) : ''}
                    {original ? article.title : part.title} <em>{t.youAreReading}</em>
                  </span>
                ) : (
                  <Link href={entryPath('article', part.slug, locale)}>
                    {part.partNumber ? t.part(part.partNumber) : ''}
                    <span lang={original}>{part.title}</span>
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}

      {authors.length > 0 && (
        <section className="about-authors" aria-labelledby="about-title">
          <h2 id="about-title">{t.aboutAuthors(authors.length)}</h2>
          {authors.map((author) => (
            <div key={author.id} className="about-author" lang={original}>
              {author.avatar && <Image className="avatar" src={author.avatar.src} alt="" width={64} height={64} />}
              <div>
                <p className="about-author__name">
                  <Link href={entryPath('author', author.slug, locale)}>{author.name}</Link>
                  {author.role && <span className="meta">, {author.role}</span>}
                </p>
                {author.bio && <p>{author.bio}</p>}
              </div>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
