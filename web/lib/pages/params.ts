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

// A language code (BCP 47) as a machine translation's address names it.
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A machine translation's params: the locale checked, and the language a well-formed code (else 404). */
export async function withLanguage<P extends { locale: string; lang: string }>(params: Promise<P>) {
  const checked = await withLocale(params);
  if (!LANGUAGE.test(checked.lang)) notFound();
  return checked;
}
