import type { Metadata } from 'next';
import { getCookiePolicyRevision, getSite } from '@/lib/cms';
import { htmlLang } from '@/lib/i18n';
import { withLanguage } from '@/lib/pages/params';
import { SITE_URL } from '@/lib/site-url';
import { SiteHeader } from '@/components/layout/site-header';
import { SiteFooter } from '@/components/layout/site-footer';
import { ConsentBanner } from '@/components/consent/consent-banner.client';
import { dictionaryFor, labelsFor } from '@/lib/labels';
import { pickWords } from '@/lib/labels/compile';
import { CONSENT_WORDS } from '@/lib/labels/client-words';
import '../../../../../../globals.css';

// A machine translation is a document in its own language: its own root layout, so <html lang> is the
// translation's. The site's header and footer stay in the original's language, and say so.
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: LayoutProps<'/[locale]/articles/[slug]/translate/[lang]'>): Promise<Metadata> {
  const { locale } = await withLanguage(params);
  const site = await getSite(locale);
  return { metadataBase: new URL(SITE_URL), title: { default: site.name, template: `%s · ${site.name}` } };
}

export default async function TranslationLayout({ children, params }: LayoutProps<'/[locale]/articles/[slug]/translate/[lang]'>) {
  const { locale, lang } = await withLanguage(params);
  const [site, policyRevision] = await Promise.all([getSite(locale), getCookiePolicyRevision(locale)]);
  const original = htmlLang(locale);
  return (
    <html lang={lang}>
      <body>
        <a className="skip-link" href="#main">
          {labelsFor(lang).skip}
        </a>
        <div lang={original}>
          <SiteHeader site={site} locale={locale} />
        </div>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <div lang={original}>
          <SiteFooter site={site} locale={locale} />
          <ConsentBanner policyRevision={policyRevision} locale={locale} words={pickWords(dictionaryFor(locale), CONSENT_WORDS)} />
        </div>
      </body>
    </html>
  );
}
