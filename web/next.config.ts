import { createRequire } from 'node:module';
import type { NextConfig } from 'next';
import { DEFAULT_LOCALE, LOCALES } from '@newsroom/contract';

// Paths that are no locale's pages: the API, Next's own files, uploads and the sitemap files.
const RESERVED = ['api/', '_next/', 'uploads/', 'sitemaps/'];
const prefixed = [...LOCALES.map((locale) => `${locale}(?:/|$)`), ...RESERVED].join('|');

// Several web nodes share one page cache in Redis (cache-handler.mjs); read when the server starts, so one
// build serves both the embedded default (Next's own cache, on disk) and the cluster.
const sharedCache: Partial<NextConfig> = process.env.REDIS_URL
  ? { cacheHandler: createRequire(import.meta.url).resolve('./cache-handler.mjs'), cacheMaxMemorySize: 0 }
  : {};

const nextConfig: NextConfig = {
  ...sharedCache,
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    // Strapi's uploads reach the optimiser through /uploads/*, proxied to the CMS (app/uploads).
    localPatterns: [{ pathname: '/uploads/**' }],
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600],
    formats: ['image/avif', 'image/webp'],
  },
  async redirects() {
    // The default locale has no prefix: /en/... is the same page as /...
    return [
      { source: `/${DEFAULT_LOCALE}`, destination: '/', permanent: true },
      { source: `/${DEFAULT_LOCALE}/:path*`, destination: '/:path*', permanent: true },
    ];
  },
  async rewrites() {
    // Every page lives under app/[locale]; unprefixed paths are the default locale's.
    return {
      beforeFiles: [],
      afterFiles: [
        { source: '/', destination: `/${DEFAULT_LOCALE}` },
        { source: `/:path((?!${prefixed}).*)`, destination: `/${DEFAULT_LOCALE}/:path` },
      ],
      fallback: [],
    };
  },
};

export default nextConfig;
