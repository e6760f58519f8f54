import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    // Strapi's uploads reach the optimiser through /uploads/*, proxied to the CMS (app/uploads).
    localPatterns: [{ pathname: '/uploads/**' }],
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600],
  },
  async redirects() {
    // The default locale has no prefix: /en/... is the same page as /...
    return [
      { source: '/en', destination: '/', permanent: true },
      { source: '/en/:path*', destination: '/:path*', permanent: true },
    ];
  },
  async rewrites() {
    // Every page lives under app/[locale]; unprefixed paths are the default locale's.
    return {
      beforeFiles: [],
      afterFiles: [
        { source: '/', destination: '/en' },
        { source: '/:path((?!zh(?:/|$)|en(?:/|$)|api/|_next/|uploads/|sitemaps/).*)', destination: '/en/:path' },
      ],
      fallback: [],
    };
  },
};

export default nextConfig;
