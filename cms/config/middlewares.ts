import { corsOptions } from '../src/public-api/cors';
import { cmsEnv } from '../src/env';

// No 'strapi::poweredBy': the CMS does not announce what it runs. Security headers (nosniff, a
// Referrer-Policy, frame-ancestors 'self') come from strapi::security; HSTS only where served over TLS.
export default () => [
  'global::request-log',
  'strapi::errors',
  'global::database-unavailable',
  'global::status',
  { name: 'strapi::security', config: { hsts: false } },
  'global::transport-security',
  { name: 'strapi::cors', config: corsOptions(cmsEnv()) },
  'global::path-guard',
  'global::api-client',
  'global::rate-limit',
  'strapi::query',
  'global::query-guard',
  'strapi::body',
  'strapi::session',
  'global::http-cache',
  'global::picture-rights',
  'strapi::favicon',
  'global::uploads-from-storage',
  'strapi::public',
];
