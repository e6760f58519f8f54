import 'server-only';
import { z } from 'zod';
import { LOCAL_SECRETS } from '@newsroom/contract';

// Every environment variable the web server reads, parsed and documented once (web/.env.example lists
// them too). Read at start: a wrong value stops the server with the variable's name. (The front door,
// web/front-door.js, runs before Next and reads CMS_PUBLIC_URL itself.)

const url = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) => value.replace(/\/$/, ''))
    .pipe(z.url());
const blankIsUnset = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const milliseconds = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const schema = z.object({
  /** Where the web server reaches Strapi. */
  CMS_URL: url('http://127.0.0.1:1337'),
  /** The web app's read-only API token, or the file the CMS writes it to (relative to web/). */
  STRAPI_API_TOKEN: blankIsUnset,
  STRAPI_API_TOKEN_FILE: blankIsUnset,
  /** This server's port (the outage check asks this same server). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The site's public origin: canonical URLs, feeds, sitemaps. */
  SITE_URL: url('http://localhost:3000'),
  /** The CMS's change events present this secret (the CMS's REVALIDATE_SECRET). */
  REVALIDATE_SECRET: z.string().min(1).default(LOCAL_SECRETS.revalidate),
  /** The admin's Preview links carry this secret (the CMS's PREVIEW_SECRET). */
  PREVIEW_SECRET: z.string().min(1).default(LOCAL_SECRETS.preview),
  /** How often the proxy reloads the table of former article addresses. */
  SLUG_REDIRECTS_REFRESH_MS: milliseconds(30_000),
  /** Pause before a change's tags are made stale a second time (app/api/revalidate). */
  REVALIDATE_SETTLE_MS: milliseconds(1_500),
  /** Several web nodes share their page cache in Redis; read by cache-handler.mjs (next.config.ts). */
  REDIS_URL: blankIsUnset,
  REDIS_KEY_PREFIX: blankIsUnset,
  /** The edge's address for PURGE, used by cache-handler.mjs after a tag's pages are expired. */
  EDGE_PURGE_URL: blankIsUnset,
  /** New machine translations one reader may have made an hour (the CMS bounds the day's total). */
  TRANSLATION_READER_PER_HOUR: z.coerce.number().int().min(1).default(20),
});

function parse(source: NodeJS.ProcessEnv) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

export const env = parse(process.env);
