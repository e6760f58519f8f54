import type { Article, AuthorProfile, Series, Site } from '@/lib/cms';
import { absoluteUrl } from '@/lib/site-url';
import { type Locale, entryPath } from '@/lib/i18n';

// Structured data for search engines (schema.org), built from the same content the page renders.

export function articleJsonLd({
  article,
  authors,
  series,
  site,
  locale,
}: {
  article: Article;
  authors: AuthorProfile[];
  series: Series | null;
  site: Site;
  locale: Locale;
}) {
  const url = absoluteUrl(entryPath('article', article.slug, locale));
  const image = article.cover ?? article.seo?.image ?? site.defaultShareImage;
  return {
    '@context': 'https://schema.org',
    '@type': article.format === 'commentary' ? 'OpinionNewsArticle' : 'NewsArticle',
    headline: article.title,
    description: article.standfirst || undefined,
    mainEntityOfPage: url,
    url,
    inLanguage: locale,
    datePublished: article.firstPublished.toISOString(),
    dateModified: article.updated.toISOString(),
    author: authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(entryPath('author', author.slug, locale)),
    })),
    image: image
      ? {
          '@type': 'ImageObject',
          url: absoluteUrl(image.src),
          width: image.width,
          height: image.height,
          ...('credit' in image && image.credit ? { creditText: image.credit } : {}),
        }
      : undefined,
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: site.name,
      url: absoluteUrl('/'),
      ...(site.logo ? { logo: { '@type': 'ImageObject', url: absoluteUrl(site.logo.src) } } : {}),
    },
    articleSection: article.section?.name,
    keywords: article.tags.map((t) => t.name).join(', ') || undefined,
    isPartOf: series
      ? { '@type': 'CreativeWorkSeries', name: series.name, url: absoluteUrl(entryPath('series', series.slug, locale)) }
      : undefined,
    correction: article.corrections.length
      ? article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.date.toISOString() }))
      : undefined,
  };
}

export function breadcrumbJsonLd(items: { name: string; path: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.path),
    })),
  };
}

export function personJsonLd(author: AuthorProfile, locale: Locale) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: author.name,
    jobTitle: author.role || undefined,
    description: author.bio || undefined,
    url: absoluteUrl(entryPath('author', author.slug, locale)),
    image: author.avatar ? absoluteUrl(author.avatar.src) : undefined,
  };
}

/** Serialises JSON-LD for a <script> tag; `<` is escaped so content can never close the tag. */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
