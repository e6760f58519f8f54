import { notFound } from 'next/navigation';
import { getAuthorsById, getMachineTranslation, getSeriesById, getSite, getTranslationOffer } from '@/lib/cms';
import { entryPath } from '@/lib/i18n';
import { labelsFor } from '@/lib/labels';
import { absoluteUrl } from '@/lib/site-url';
import { articleJsonLd } from '@/lib/seo/json-ld';
import { ArticleView } from '@/components/article/article-view';
import { MachineTranslationNotice } from '@/components/article/machine-translation-notice';
import { JsonLd } from '@/components/json-ld';
import { withLanguage } from '@/lib/pages/params';

// Segment config must be a literal: FALLBACK_REVALIDATE_SECONDS (a day). A translation is cached like any
// page and refreshed with its article (the same tag): a new version of the article, a new translation.
export const revalidate = 86400;
export const dynamicParams = true;
export const generateStaticParams = () => [];

async function load(params: PageProps<'/[locale]/articles/[slug]/translate/[lang]'>['params']) {
  const { locale, slug, lang } = await withLanguage(params);
  const offer = await getTranslationOffer(locale);
  if (!offer.languages.includes(lang)) notFound();
  const translated = await getMachineTranslation(locale, slug, lang);
  if (!translated) notFound();
  const { article } = translated;
  const [authors, series, site] = await Promise.all([
    getAuthorsById(
      locale,
      article.authors.map((a) => a.id),
    ),
    article.series ? getSeriesById(locale, article.series.id) : null,
    getSite(locale),
  ]);
  return { locale, lang, ...translated, authors, series, site };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/articles/[slug]/translate/[lang]'>) {
  const { locale, article } = await load(params);
  // Never indexed; the original is the page of record.
  return {
    title: article.title,
    description: article.standfirst || undefined,
    robots: { index: false, follow: true },
    alternates: { canonical: entryPath('article', article.slug, locale) },
  };
}

export default async function MachineTranslationPage({ params }: PageProps<'/[locale]/articles/[slug]/translate/[lang]'>) {
  const { locale, lang, article, meta, authors, series, site } = await load(params);
  const t = labelsFor(lang);
  const original = entryPath('article', article.slug, locale);
  return (
    <article className="article">
      <JsonLd
        data={{
          ...articleJsonLd({ article, authors, series, site, locale }),
          url: absoluteUrl(`${original}/translate/${lang}`),
          mainEntityOfPage: absoluteUrl(original),
          inLanguage: lang,
          translationOfWork: { '@type': 'NewsArticle', '@id': absoluteUrl(original), url: absoluteUrl(original), inLanguage: locale },
          translator: { '@type': 'Organization', name: meta.provider.name },
        }}
      />
      <MachineTranslationNotice provider={meta.provider.name} site={site.name} originalPath={original} t={t} />
      <ArticleView article={article} authors={authors} series={series} site={site} locale={locale} language={lang} t={t} />
    </article>
  );
}
