import { notFound } from 'next/navigation';
import { getLegalPage, getSite } from '@/lib/cms';
import { formatDate } from '@/lib/format';
import { labelsFor } from '@/lib/labels';
import { pageMetadata } from '@/lib/seo/metadata';
import { RichText } from '@/components/article/rich-text.client';
import { withLocale } from '@/lib/pages/params';
import { LanguageSwitcher, versionsOf } from '@/components/layout/language-switcher';
import { alternatesOf } from '@/lib/pages/versions';
import { entryPath } from '@/lib/i18n';

// Legal and static pages at the top level: /privacy, /cookie-policy, /terms.
// Segment config must be a literal: FALLBACK_REVALIDATE_SECONDS (a day), the safety net behind webhook refreshes.
export const revalidate = 86400;
// Nothing prerendered at build: each path renders on its first request, then stays cached.
export const generateStaticParams = () => [];

async function load(params: PageProps<'/[locale]/[page]'>['params']) {
  const { locale, page: slug } = await withLocale(params);
  const page = await getLegalPage(locale, slug);
  if (!page) notFound();
  return { locale, page, site: await getSite(locale) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[page]'>) {
  const { locale, page } = await load(params);
  return pageMetadata({
    title: page.title,
    path: entryPath('page', page.slug),
    locale,
    seo: page.seo,
    alternates: alternatesOf('page', locale, page.slug, page.translations),
  });
}

export default async function LegalPage({ params }: PageProps<'/[locale]/[page]'>) {
  const { page, site, locale } = await load(params);
  return (
    <article className="legal">
      <LanguageSwitcher locale={locale} versions={versionsOf('page', locale, page.slug, page.translations)} t={labelsFor(locale)} />
      <h1>{page.title}</h1>
      <p className="meta">
        {labelsFor(locale).lastRevised}{' '}
        <time dateTime={page.revisionDate}>{formatDate(new Date(`${page.revisionDate}T12:00:00Z`), site.timeZone, locale)}</time>
      </p>
      <RichText blocks={page.blocks} />
    </article>
  );
}
