import 'server-only';
import { notFound } from 'next/navigation';
import { type Locale, isLocale } from '@/lib/i18n';

/**
 * A route's params with its locale checked. Paths no other route takes land in `[locale]` (`/api/x`,
 * `/_next/x`, `/sitemaps/a/b`): an address in no locale of ours is a 404, without asking the CMS.
 */
export async function withLocale<P extends { locale: string }>(params: Promise<P>): Promise<Omit<P, 'locale'> & { locale: Locale }> {
  const resolved = await params;
  if (!isLocale(resolved.locale)) notFound();
  return { ...resolved, locale: resolved.locale };
}
