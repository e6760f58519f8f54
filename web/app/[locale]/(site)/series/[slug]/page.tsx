import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getNewestArticlesOf, getSeries, getSite } from '@/lib/cms';
import { entryPath } from '@/lib/i18n';
import { formatDate } from '@/lib/format';
import { labelsFor } from '@/lib/labels';
import { pageMetadata } from '@/lib/seo/metadata';
import { Figure } from '@/components/article/figure';
import { RichText } from '@/components/article/rich-text.client';
import { withLocale } from '@/lib/pages/params';
import { LanguageSwitcher, versionsOf } from '@/components/layout/language-switcher';
import { alternatesOf } from '@/lib/pages/versions';

// Segment config must be a literal: FALLBACK_REVALIDATE_SECONDS (a day), the safety net behind webhook refreshes.
export const revalidate = 86400;
// Nothing prerendered at build: each path renders on its first request, then stays cached.
export const generateStaticParams = () => [];

async function load(params: PageProps<'/[locale]/series/[slug]'>['params']) {
  const { locale, slug } = await withLocale(params);
  const series = await getSeries(locale, slug);
  if (!series) notFound();
  const [parts, site] = await Promise.all([
    getNewestArticlesOf({ kind: 'series', id: series.id }, { locale, pageSize: 100 }), // every part: the CMS's largest page
    getSite(locale),
  ]);
  return { locale, series, parts, site };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/series/[slug]'>) {
  const { locale, series } = await load(params);
  return pageMetadata({
    title: series.name,
    description: series.description,
    path: entryPath('series', series.slug),
    locale,
    image: series.cover,
    alternates: alternatesOf('series', locale, series.slug, series.translations),
  });
}

export default async function SeriesPage({ params }: PageProps<'/[locale]/series/[slug]'>) {
  const { locale, series, parts, site } = await load(params);
  const t = labelsFor(locale);
  const byId = new Map(parts.map((a) => [a.id, a]));
  return (
    <article>
      <LanguageSwitcher locale={locale} versions={versionsOf('series', locale, series.slug, series.translations)} t={t} />
      <p className="kicker">{t.series}</p>
      <h1>{series.name}</h1>
      {series.description && <p className="article__standfirst">{series.description}</p>}
      {series.cover && <Figure figure={series.cover} priority />}
      {series.editorsNote && (
        <aside className="editors-note" aria-label={series.editorsNote.label}>
          <h2 className="editors-note__label">{series.editorsNote.label}</h2>
          <RichText blocks={series.editorsNote.blocks} />
        </aside>
      )}
      <h2>{t.theParts}</h2>
      <ol className="parts">
        {series.parts.map((part) => {
          const summary = byId.get(part.id);
          return (
            <li key={part.id}>
              <Link href={entryPath('article', part.slug, locale)}>
                {part.partNumber ? t.part(part.partNumber) : ''}
                {part.title}
              </Link>
              {summary && (
                <p className="meta">
                  {summary.standfirst} ·{' '}
                  <time dateTime={summary.firstPublished.toISOString()}>{formatDate(summary.firstPublished, site.timeZone, locale)}</time>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <p className="meta">
        <a href={`${entryPath('series', series.slug, locale)}/feed.xml`}>RSS</a> ·{' '}
        <a href={`${entryPath('series', series.slug, locale)}/atom.xml`}>Atom</a> ·{' '}
        <a href={`${entryPath('series', series.slug, locale)}/feed.json`}>JSON Feed</a>
      </p>
    </article>
  );
}
