import Link from 'next/link';
import { getAllSeries, getLatestArticles, getSearchTrends, getSite } from '@/lib/cms';
import { LOCALES, localePath, entryPath } from '@/lib/i18n';
import { formatDateline } from '@/lib/format';
import { labelsFor } from '@/lib/labels';
import { pageMetadata } from '@/lib/seo/metadata';
import { ArticleList } from '@/components/articles/article-list';
import { Figure } from '@/components/article/figure';
import { SearchTrends } from '@/components/search/search-trends';
import { withLocale } from '@/lib/pages/params';
import { LanguageSwitcher, everyLocale } from '@/components/layout/language-switcher';

// Segment config must be a literal: FALLBACK_REVALIDATE_SECONDS (a day), the safety net behind webhook refreshes.
export const revalidate = 86400;

export async function generateMetadata({ params }: PageProps<'/[locale]'>) {
  const locale = (await withLocale(params)).locale;
  const site = await getSite(locale);
  return pageMetadata({
    title: site.name,
    description: site.description,
    path: '/',
    locale,
    image: site.defaultShareImage,
    alternates: Object.fromEntries(LOCALES.map((l) => [l, '/'])),
  });
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = (await withLocale(params)).locale;
  const [latest, series, site, trends] = await Promise.all([
    getLatestArticles({ locale, pageSize: 21 }),
    getAllSeries(locale),
    getSite(locale),
    getSearchTrends(locale),
  ]);
  const [lead, ...rest] = latest;
  const t = labelsFor(locale);
  return (
    <>
      <LanguageSwitcher locale={locale} versions={everyLocale('/')} t={t} />
      <h1 className="visually-hidden">{site.name}</h1>
      {lead ? (
        <section className="lead" aria-labelledby="lead-title">
          {lead.cover && <Figure figure={lead.cover} priority sizes="(max-width: 60rem) 100vw, 60rem" />}
          {lead.section && <span className="kicker">{lead.section.name}</span>}
          <h2 id="lead-title" className="lead__title">
            <Link href={entryPath('article', lead.slug, locale)}>{lead.title}</Link>
          </h2>
          {lead.standfirst && <p className="article__standfirst">{lead.standfirst}</p>}
          <p className="meta">
            {lead.authors.map((a) => a.name).join(', ')} ·{' '}
            <time dateTime={lead.updated.toISOString()}>{formatDateline(lead.updated, site.timeZone, locale)}</time>
          </p>
        </section>
      ) : (
        <p>{t.nothingYet}</p>
      )}
      {rest.length > 0 && (
        <section aria-labelledby="latest-title">
          <h2 id="latest-title">{t.latest}</h2>
          <ArticleList articles={rest} locale={locale} timeZone={site.timeZone} empty={t.nothingHere} />
        </section>
      )}
      {series.length > 0 && (
        <section aria-labelledby="series-title">
          <h2 id="series-title">{t.series}</h2>
          <ul className="series-list">
            {series.map((s) => (
              <li key={s.id}>
                <Link href={entryPath('series', s.slug, locale)}>{s.name}</Link>
                {s.description && <p>{s.description}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {site.navigation.length > 0 && (
        <section aria-labelledby="sections-title">
          <h2 id="sections-title">{t.sections}</h2>
          <ul className="chips">
            {site.navigation.map((item) => (
              <li key={item.url}>
                <Link href={localePath(locale, item.url)}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SearchTrends locale={locale} initial={trends} />
    </>
  );
}
