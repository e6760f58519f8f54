import Image from 'next/image';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { getArticle, getArticleRedirect, getAuthorsById, getSearchTrends, getSeriesById, getSite } from '@/lib/cms';
import { isLocale, localePath, entryPath } from '@/lib/i18n';
import { formatDateline } from '@/lib/format';
import { labelsFor } from '@/lib/labels';
import { absoluteUrl } from '@/lib/site-url';
import { articleJsonLd, breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { Figure } from '@/components/article/figure';
import { RichText } from '@/components/article/rich-text.client';
import { JsonLd } from '@/components/json-ld';
import { SearchTrends } from '@/components/search/search-trends';
import { withLocale } from '@/lib/pages/params';

// Segment config must be a literal: FALLBACK_REVALIDATE_SECONDS (a day), the safety net behind webhook refreshes.
export const revalidate = 86400;
export const dynamicParams = true;

// Nothing prerendered at build: each path renders on its first request, then stays cached.
export const generateStaticParams = () => [];

async function load(params: PageProps<'/[locale]/articles/[slug]'>['params']) {
  const { locale, slug } = await withLocale(params);
  const article = await getArticle(locale, slug);
  if (!article) {
    // A former address of a renamed article: 308 to where it lives now.
    const current = await getArticleRedirect(locale, slug);
    if (current) permanentRedirect(entryPath('article', current, locale));
    notFound();
  }
  const [authors, series, site, trends] = await Promise.all([
    getAuthorsById(
      locale,
      article.authors.map((a) => a.id),
    ),
    article.series ? getSeriesById(locale, article.series.id) : null,
    getSite(locale),
    getSearchTrends(locale),
  ]);
  return { locale, article, authors, series, site, trends };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/articles/[slug]'>) {
  const { locale, article } = await load(params);
  return pageMetadata({
    title: article.series ? `${article.series.name}: ${article.title}` : article.title,
    description: article.standfirst,
    path: entryPath('article', article.slug),
    locale,
    image: article.cover,
    seo: article.seo,
    type: 'article',
    alternates: Object.fromEntries([
      [locale, entryPath('article', article.slug)],
      ...article.translations.filter((t) => isLocale(t.locale)).map((t) => [t.locale, entryPath('article', t.slug)]),
    ]),
    publishedTime: article.firstPublished,
    modifiedTime: article.updated,
  });
}

export default async function ArticlePage({ params }: PageProps<'/[locale]/articles/[slug]'>) {
  const { locale, article, authors, series, site, trends } = await load(params);
  const t = labelsFor(locale);
  const note = article.editorsNote ?? series?.editorsNote ?? null;
  const url = absoluteUrl(entryPath('article', article.slug, locale));
  const share = [
    { label: 'Email', href: `mailto:?subject=${encodeURIComponent(article.title)}&body=${encodeURIComponent(url)}` },
    { label: 'X', href: `https://x.com/intent/post?url=${encodeURIComponent(url)}&text=${encodeURIComponent(article.title)}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}` },
  ];

  return (
    <article className="article">
      <JsonLd data={articleJsonLd({ article, authors, series, site, locale })} />
      <JsonLd
        data={breadcrumbJsonLd([
          { name: site.name, path: localePath(locale, '/') },
          ...(article.section ? [{ name: article.section.name, path: entryPath('section', article.section.slug, locale) }] : []),
          { name: article.title, path: entryPath('article', article.slug, locale) },
        ])}
      />
      <header className="article__header">
        {article.section && (
          <Link className="kicker" href={entryPath('section', article.section.slug, locale)}>
            {article.section.name}
          </Link>
        )}
        <h1 className="article__headline">
          {series && (
            <>
              <Link className="article__series" href={entryPath('series', series.slug, locale)}>
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
          {t.updated} <time dateTime={article.updated.toISOString()}>{formatDateline(article.updated, site.timeZone)}</time>
          {article.updated.getTime() !== article.firstPublished.getTime() && (
            <>
              {' '}
              · {t.firstPublished}{' '}
              <time dateTime={article.firstPublished.toISOString()}>{formatDateline(article.firstPublished, site.timeZone)}</time>
            </>
          )}
        </p>
      </header>

      {article.cover && <Figure figure={article.cover} priority />}

      {note && (
        <aside className="editors-note" aria-label={note.label}>
          <h2 className="editors-note__label">{note.label}</h2>
          <RichText blocks={note.blocks} />
        </aside>
      )}

      <div className="article__body">
        {article.body.map((part, index) =>
          part.kind === 'text' ? <RichText key={index} blocks={part.blocks} /> : <Figure key={index} figure={part.figure} />,
        )}
      </div>

      {article.corrections.length > 0 && (
        <section id="corrections" className="corrections" aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t.corrections}</h2>
          <ul>
            {article.corrections.map((correction) => (
              <li key={correction.date.toISOString()}>
                <time dateTime={correction.date.toISOString()}>{formatDateline(correction.date, site.timeZone)}</time>: {correction.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {series && series.parts.length > 1 && (
        <nav className="read-more" aria-labelledby="read-more-title">
          <h2 id="read-more-title">
            {t.readMore}: {series.name}
          </h2>
          <ol>
            {series.parts.map((part) => (
              <li key={part.id}>
                {part.id === article.id ? (
                  <span aria-current="page">
                    {part.partNumber ? t.part(part.partNumber) : ''}
                    {part.title} <em>{t.youAreReading}</em>
                  </span>
                ) : (
                  <Link href={entryPath('article', part.slug, locale)}>
                    {part.partNumber ? t.part(part.partNumber) : ''}
                    {part.title}
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
            <div key={author.id} className="about-author">
              {author.avatar && <Image className="avatar" src={author.avatar.src} alt="" width={64} height={64} sizes="64px" />}
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

      <SearchTrends locale={locale} initial={trends} />

      <section className="share" aria-labelledby="share-title">
        <h2 id="share-title">{t.share}</h2>
        <ul>
          {share.map((s) => (
            <li key={s.label}>
              <a href={s.href} rel="noopener noreferrer" target="_blank">
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
