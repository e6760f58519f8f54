import type { Metadata } from 'next';
import { getCookiePolicyRevision, getSite } from '@/lib/cms';
import { htmlLang } from '@/lib/i18n';
import { withLocale } from '@/lib/pages/params';
import { SITE_URL } from '@/lib/site-url';
import { SiteHeader } from '@/components/layout/site-header';
import { SiteFooter } from '@/components/layout/site-footer';
import { ConsentBanner } from '@/components/consent/consent-banner.client';
import { dictionaryFor, labelsFor } from '@/lib/labels';
import { pickWords } from '@/lib/labels/compile';
import { CONSENT_WORDS } from '@/lib/labels/client-words';
import { isPreview } from '@/lib/preview';
import { PreviewBanner } from '@/components/layout/preview-banner.client';
import '../../globals.css';

// The build never reads the CMS (so it is the same whatever CMS is running, and turbo's cache can reuse it):
// nothing is prerendered, every page renders on its first request and then stays cached.
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await withLocale(params);
  const site = await getSite(locale);
  return {
    metadataBase: new URL(SITE_URL),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.description,
    openGraph: { siteName: site.name, type: 'website' },
    twitter: { card: 'summary_large_image' },
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await withLocale(params);
  const [site, policyRevision, preview] = await Promise.all([getSite(locale), getCookiePolicyRevision(locale), isPreview()]);
  return (
    <html lang={htmlLang(locale)}>
      <body>
        {preview && <PreviewBanner />}
        <a className="skip-link" href="#main">
          {labelsFor(locale).skip}
        </a>
        <SiteHeader site={site} locale={locale} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter site={site} locale={locale} />
        <ConsentBanner policyRevision={policyRevision} locale={locale} words={pickWords(dictionaryFor(locale), CONSENT_WORDS)} />
      </body>
    </html>
  );
}
