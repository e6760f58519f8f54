import { z } from 'zod';
import { LOCAL_SECRETS } from '@newsroom/contract';

// Every environment variable the CMS reads, parsed and documented once (cms/.env.example lists them too).
// A wrong value fails at start with the variable's name instead of later as NaN or a silent default.

const text = (fallback: string) => z.string().default(fallback);
// Blank counts as unset: `.env` files often carry `NAME=`.
const optional = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const int = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      if (!/^-?\d+$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number, not "${value}"` });
        return z.NEVER;
      }
      return Number(value);
    });
const number = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      if (!Number.isFinite(Number(value))) {
        ctx.addIssue({ code: 'custom', message: `must be a number, not "${value}"` });
        return z.NEVER;
      }
      return Number(value);
    });
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', ''])
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : value === 'true'));
const list = (fallback: string[]) =>
  z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value === ''
        ? fallback
        : value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
    );

const schema = z.object({
  // Server
  HOST: text('0.0.0.0'),
  PORT: int(1337),
  /** The CMS's public URL, in links it generates (blank: http://localhost:PORT). */
  PUBLIC_URL: optional,
  PUBLIC_DIR: text('./public'),
  SERVE_ADMIN: bool(true),
  CRON_ENABLED: bool(true),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']).default('http'),

  // Database
  DATABASE_CLIENT: z.enum(['sqlite', 'postgres']).default('sqlite'),
  /** The SQLite file, relative to cms/ (blank: .tmp/data.db). */
  DATABASE_FILENAME: optional,
  DATABASE_URL: optional,
  DATABASE_HOST: text('127.0.0.1'),
  DATABASE_PORT: int(5432),
  DATABASE_NAME: text('newsroom'),
  DATABASE_USERNAME: text('postgres'),
  DATABASE_PASSWORD: text(''),
  DATABASE_SCHEMA: text('public'),
  DATABASE_SSL: bool(false),
  DATABASE_SSL_REJECT_UNAUTHORIZED: bool(true),
  DATABASE_POOL_MIN: int(2),
  DATABASE_POOL_MAX: int(10),
  DATABASE_CONNECTION_TIMEOUT: int(60_000),

  // Secrets: the defaults are for local use only.
  APP_KEYS: list(['local-app-key-1', 'local-app-key-2']),
  API_TOKEN_SALT: text('local-api-token-salt'),
  ADMIN_JWT_SECRET: text('local-admin-jwt-secret'),
  TRANSFER_TOKEN_SALT: text('local-transfer-token-salt'),
  JWT_SECRET: text('local-users-permissions-jwt-secret'),
  ENCRYPTION_KEY: text('local-encryption-key'),

  // The first admin account (only when none exists yet); without a password one is generated and printed.
  ADMIN_EMAIL: text('admin@tidewater.local'),
  ADMIN_PASSWORD: optional,
  SEED_DEMO_CONTENT: bool(true),

  // The web app: where its token goes, where the change events go, and how editors' browsers reach it.
  /** Relative to cms/ (blank: the contract's file at the repository root). */
  WEB_API_TOKEN_FILE: optional,
  /** Where the change events go; blank: no web app to tell (the CMS's own tests). */
  WEB_URL: text('http://127.0.0.1:3000'),
  REVALIDATE_SECRET: text(LOCAL_SECRETS.revalidate),
  WEB_PUBLIC_URL: text('http://localhost:3000'),
  PREVIEW_SECRET: text(LOCAL_SECRETS.preview),
  /** The site refresh outbox: the first retry's wait (doubling up to the maximum), and how often each node looks for due deliveries. */
  WEBHOOK_RETRY_BASE_MS: int(1_000),
  OUTBOX_MAX_BACKOFF_MS: int(60_000),
  OUTBOX_POLL_MS: int(1_000),
  /** Origins whose browsers may call the CMS (blank: WEB_PUBLIC_URL and PUBLIC_URL). */
  CORS_ORIGINS: list([]),
  /** Partners' sites whose browsers may read the public API (not the admin), e.g. https://partner.example. */
  PARTNER_ORIGINS: list([]),

  // Uploads: on local disk (PUBLIC_DIR/uploads), or in S3-compatible storage for several CMS nodes.
  UPLOAD_PROVIDER: z.enum(['local', 's3', '']).default(''),
  /** The S3 API's endpoint (blank: AWS's, from S3_REGION). */
  S3_ENDPOINT: optional,
  S3_REGION: text('us-east-1'),
  S3_BUCKET: text('newsroom-uploads'),
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  /** Bucket in the path (http://host/bucket/key), as S3-compatible servers expect; false for AWS's bucket hosts. */
  S3_FORCE_PATH_STYLE: bool(true),
  /** Where the bucket's files are read over HTTP (blank: S3_ENDPOINT/S3_BUCKET). */
  S3_PUBLIC_URL: optional,

  // Backups (npm run backup / npm run restore; README, Operations).
  /** Where `npm run backup` writes (relative to cms/). */
  BACKUP_DIR: text('../.data/backups'),
  /** Encrypts the Strapi export method's archive (blank: not encrypted); the same key restores it. */
  BACKUP_ENCRYPTION_KEY: optional,

  // The edge cache in front of the public API (edge/edge.vcl): blank, no edge to purge.
  /** Where PURGE requests go on a publish (the edge's API address, from loopback). */
  EDGE_PURGE_URL: optional,
  /** How long the edge may keep an anonymous API answer; a publish purges it sooner. */
  EDGE_API_MAX_AGE: int(3_600),

  // The public API's limits (src/middlewares/rate-limit.ts; README, "Partners").
  /** Requests a window per client address, and per partner token (the web app's token is not limited). */
  API_RATE_LIMIT: int(300),
  API_TOKEN_RATE_LIMIT: int(1_200),
  /** The window, in seconds. */
  API_RATE_LIMIT_WINDOW: int(60),
  /** Where the counts live when several nodes share them (blank: each node's memory). */
  REDIS_URL: optional,
  REDIS_KEY_PREFIX: text('newsroom:'),
  /** Addresses of the proxies (the edge) whose X-Forwarded-For names the client; nobody else's is believed. */
  TRUSTED_PROXIES: list([]),

  // Search and Search Trends
  SEARCH_MAX_RESULTS: int(500),
  TRENDS_WINDOW_HOURS: int(48),
  TRENDS_HALF_LIFE_HOURS: number(12),
  TRENDS_MIN_SEARCHES: int(3),
  TRENDS_SIZE: int(8),
  TRENDS_CLIENT_SEARCHES_PER_HOUR: int(30),
  TRENDS_CACHE_SECONDS: int(30),

  // Machine translation (src/translation): blank or none: no Translate control, no machine drafts.
  TRANSLATION_PROVIDER: z.enum(['none', 'apertium', 'azure', 'deepl', '']).default(''),
  APERTIUM_URL: text('http://127.0.0.1:2737'),
  AZURE_TRANSLATOR_URL: text('https://api.cognitive.microsofttranslator.com'),
  AZURE_TRANSLATOR_KEY: optional,
  /** The resource's region, for a regional or multi-service resource (blank: global). */
  AZURE_TRANSLATOR_REGION: optional,
  DEEPL_URL: text('https://api.deepl.com'),
  DEEPL_AUTH_KEY: optional,
  /** The languages readers are offered (blank: every one the provider translates the article's language into). */
  TRANSLATION_TARGETS: list([]),
  /** Characters sent to the provider per UTC day, readers' and editors' together; then 503 until midnight. */
  TRANSLATION_DAILY_CHARACTERS: int(500_000),
  /** How long a reader's first translation may take before the page answers 503 (it goes on and is kept). */
  TRANSLATION_WAIT_MS: int(20_000),
  /** One request to the provider, before it is retried. */
  TRANSLATION_REQUEST_TIMEOUT_MS: int(15_000),
  /** New translations made at once; more are turned away with 503 until one finishes. */
  TRANSLATION_CONCURRENCY: int(4),
});

export type CmsEnv = z.infer<typeof schema>;

/**
 * The CMS's configuration from the environment, parsed on each call (cheap), so tests that change a
 * variable between boots see it. Throws naming every variable that is wrong.
 */
export function cmsEnv(source: NodeJS.ProcessEnv = process.env): CmsEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}
