import { translationPath, type Locale } from '@newsroom/contract';
import type { TranslationOffer } from '@/lib/cms';
import type { Labels } from '@/lib/labels';
import { languageName } from '@/lib/i18n';
import { TranslateLinks } from './translate-links.client';

/**
 * The article's Translate control: the languages the configured provider offers for its language, less
 * the locales it has been translated into by the newsroom (the switcher links those). Nothing without a
 * provider.
 */
export function TranslateControl({
  locale,
  slug,
  offer,
  exclude,
  t,
}: {
  locale: Locale;
  slug: string;
  offer: TranslationOffer;
  exclude: string[];
  t: Labels;
}) {
  const languages = offer.languages.filter((language) => !exclude.includes(language) && !exclude.includes(language.split('-')[0]));
  if (!offer.provider || languages.length === 0) return null;
  const offers = languages
    .map((language) => ({ language, href: translationPath(slug, locale, language), name: languageName(language) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <details className="translate">
      <summary>{t.translate}</summary>
      <p className="translate__intro">{t.translateInto}</p>
      <TranslateLinks offers={offers} translating={t.translating} />
      <p className="translate__by meta">{t.translatedBy(offer.provider.name)}</p>
    </details>
  );
}
