import Link from 'next/link';
import type { Site } from '@/lib/cms';
import { type Locale, localePath } from '@/lib/i18n';
import { CookieSettingsLink } from '@/components/consent/cookie-settings-link.client';

export function SiteFooter({ site, locale }: { site: Site; locale: Locale }) {
  return (
    <footer className="footer">
      <p className="footer__name">{site.name}</p>
      {site.description && <p>{site.description}</p>}
      <ul className="footer__links">
        <li>
          <Link href={localePath(locale, '/privacy')}>Privacy statement</Link>
        </li>
        <li>
          <Link href={localePath(locale, '/cookie-policy')}>Cookie policy</Link>
        </li>
        <li>
          <Link href={localePath(locale, '/terms')}>Terms of use</Link>
        </li>
        <li>
          <CookieSettingsLink />
        </li>
        <li>
          <a href={localePath(locale, '/feed.xml')}>RSS</a>
        </li>
      </ul>
    </footer>
  );
}
