import Link from 'next/link';
import type { Site } from '@/lib/cms';
import { type Locale, localePath } from '@/lib/i18n';
import { labelsFor } from '@/lib/labels';
import { CookieSettingsLink } from '@/components/consent/cookie-settings-link.client';

export function SiteFooter({ site, locale }: { site: Site; locale: Locale }) {
  const t = labelsFor(locale);
  return (
    <footer className="footer">
      <p className="footer__name">{site.name}</p>
      {site.description && <p>{site.description}</p>}
      <ul className="footer__links">
        <li>
          <Link href={localePath(locale, '/privacy')}>{t.privacy}</Link>
        </li>
        <li>
          <Link href={localePath(locale, '/cookie-policy')}>{t.cookiePolicy}</Link>
        </li>
        <li>
          <Link href={localePath(locale, '/terms')}>{t.terms}</Link>
        </li>
        <li>
          <CookieSettingsLink label={t.cookieSettings} />
        </li>
        <li>
          <a href={localePath(locale, '/feed.xml')}>RSS</a>
        </li>
      </ul>
    </footer>
  );
}
