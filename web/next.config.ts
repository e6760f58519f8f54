import type { NextConfig } from 'next';

const cmsUrl = new URL(process.env.CMS_URL || 'http://127.0.0.1:1337');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    // Strapi's local upload provider serves /uploads/*; an S3 provider would add its own host here.
    remotePatterns: [
      {
        protocol: cmsUrl.protocol.replace(':', '') as 'http' | 'https',
        hostname: cmsUrl.hostname,
        port: cmsUrl.port,
        pathname: '/uploads/**',
      },
    ],
  },
};

export default nextConfig;
