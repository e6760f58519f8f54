import Link from 'next/link';
import type { Site } from '@/lib/cms';
import { type Locale, localePath } from '@/lib/i18n';
import { SearchForm } from '@/components/search/search-form';

export function SiteHeader({ site, locale }: { site: Site; locale: Locale }) {
  return (
    <header className="masthead">
      <Link href={localePath(locale, '/')} className="masthead__name">
        {site.name}
      </Link>
      {site.navigation.length > 0 && (
        <nav aria-label="Sections" className="masthead__nav">
          <ul>
            {site.navigation.map((item) => (
              <li key={item.url}>
                <Link href={item.url.startsWith('/') ? localePath(locale, item.url) : item.url}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <SearchForm locale={locale} />
    </header>
  );
}
