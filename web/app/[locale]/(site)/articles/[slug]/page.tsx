import { notFound, permanentRedirect } from 'next/navigation';
import { getArticle, getArticleRedirect, getAuthorsById, getSearchTrends, getSeriesById, getSite, getTranslationOffer } from '@/lib/cms';
import { localePath, entryPath } from '@/lib/i18n';
import { labelsFor } from '@/lib/labels';
import { absoluteUrl } from '@/lib/site-url';
import { articleJsonLd, breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { ArticleView } from '@/components/article/article-view';
import { ProvenanceNote } from '@/components/article/provenance-note';
import { TranslateControl } from '@/components/article/translate-control';
import { JsonLd } from '@/components/json-ld';
import { SearchTrends } from '@/components/search/search-trends';
import { withLocale } from '@/lib/pages/params';
import { LanguageSwitcher, versionsOf } from '@/components/layout/language-switcher';
import { alternatesOf } from '@/lib/pages/versions';

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
  const [authors, series, site, trends, offer] = await Promise.all([
    getAuthorsById(
      locale,
      article.authors.map((a) => a.id),
    ),
    article.series ? getSeriesById(locale, article.series.id) : null,
    getSite(locale),
    getSearchTrends(locale),
    getTranslationOffer(locale),
  ]);
  return { locale, article, authors, series, site, trends, offer };
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
    alternates: alternatesOf('article', locale, article.slug, article.translations),
    publishedTime: article.firstPublished,
    modifiedTime: article.updated,
  });
}

export default async function ArticlePage({ params }: PageProps<'/[locale]/articles/[slug]'>) {
  const { locale, article, authors, series, site, trends, offer } = await load(params);
  const t = labelsFor(locale);
  const versions = versionsOf('article', locale, article.slug, article.translations);
  const originalPath = versions.find((v) => v.locale === article.provenance?.from)?.path ?? null;
  const url = absoluteUrl(entryPath('article', article.slug, locale));
  const share = [
    { label: 'Email', href: `mailto:?subject=${encodeURIComponent(article.title)}&body=${encodeURIComponent(url)}` },
    { label: 'X', href: `https://x.com/intent/post?url=${encodeURIComponent(url)}&text=${encodeURIComponent(article.title)}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}` },
  ];

  return (
    <article className="article">
      <LanguageSwitcher locale={locale} versions={versions} t={t}>
        <TranslateControl locale={locale} slug={article.slug} offer={offer} exclude={versions.map((v) => v.locale)} t={t} />
      </LanguageSwitcher>
      <JsonLd data={articleJsonLd({ article, authors, series, site, locale })} />
      <JsonLd
        data={breadcrumbJsonLd([
          { name: site.name, path: localePath(locale, '/') },
          ...(article.section ? [{ name: article.section.name, path: entryPath('section', article.section.slug, locale) }] : []),
          { name: article.title, path: entryPath('article', article.slug, locale) },
        ])}
      />
      <ArticleView
        article={article}
        authors={authors}
        series={series}
        site={site}
        locale={locale}
        t={t}
        notices={article.provenance && <ProvenanceNote provenance={article.provenance} locale={locale} originalPath={originalPath} t={t} />}
      />

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
