import type { Metadata } from 'next';
import type { Image, Seo } from '@/lib/cms';
import { type Locale, localePath } from '@/lib/i18n';

/** Title, description, canonical URL, hreflang alternates, OpenGraph and Twitter cards for a page. */
export function pageMetadata({
  title,
  description,
  path,
  locale,
  image,
  seo,
  type = 'website',
  alternates,
  publishedTime,
  modifiedTime,
}: {
  title: string;
  description?: string;
  path: string;
  locale: Locale;
  image?: Image | null;
  seo?: Seo | null;
  type?: 'website' | 'article' | 'profile';
  /** The page's path in each locale it exists in; by default only this locale's (an entry may be untranslated). */
  alternates?: Partial<Record<Locale, string>>;
  publishedTime?: Date;
  modifiedTime?: Date;
}): Metadata {
  const canonical = seo?.canonical || localePath(locale, path);
  const shareImage = seo?.image ?? image ?? null;
  const desc = seo?.description || description || undefined;
  const images = shareImage
    ? [{ url: shareImage.src, width: shareImage.width, height: shareImage.height, alt: shareImage.alt }]
    : undefined;
  return {
    title: seo?.title || title,
    description: desc,
    alternates: {
      canonical,
      languages: Object.fromEntries(
        Object.entries(alternates ?? { [locale]: path }).map(([l, p]) => [l, localePath(l as Locale, p as string)]),
      ),
    },
    robots: seo?.noindex ? { index: false, follow: true } : undefined,
    openGraph: {
      title: seo?.title || title,
      description: desc,
      url: canonical,
      type,
      locale,
      images,
      ...(type === 'article' ? { publishedTime: publishedTime?.toISOString(), modifiedTime: modifiedTime?.toISOString() } : {}),
    },
    twitter: {
      card: shareImage ? 'summary_large_image' : 'summary',
      title: seo?.title || title,
      description: desc,
      images: images?.map((i) => i.url),
    },
  };
}
