import 'server-only';
import { getLegalPage } from '@/lib/cms';
import { DEFAULT_LOCALE } from '@/lib/i18n';

/** The cookie policy's revision date: a consent older than it is asked again. */
export async function getCookiePolicyRevision(locale: string): Promise<string | null> {
  const page =
    (await getLegalPage(locale, 'cookie-policy')) ??
    (locale === DEFAULT_LOCALE ? null : await getLegalPage(DEFAULT_LOCALE, 'cookie-policy'));
  return page?.revisionDate ?? null;
}
