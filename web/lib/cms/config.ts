import 'server-only';
import fs from 'fs';
import path from 'path';
import { WEB_API_TOKEN_FILE } from '@newsroom/contract';
import { env } from '../env';

/** Where Strapi is, as seen from the web server (not from the reader's browser). */
export const CMS_URL = env.CMS_URL;

/**
 * The web app's read-only API token: STRAPI_API_TOKEN, else the file the CMS writes at start
 * (STRAPI_API_TOKEN_FILE, by default the repository's .data/web-api-token). Read on each call, so a
 * token the CMS rotates is picked up without a restart.
 */
export function apiToken(): string | undefined {
  if (env.STRAPI_API_TOKEN) return env.STRAPI_API_TOKEN;
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.STRAPI_API_TOKEN_FILE ?? path.join('..', WEB_API_TOKEN_FILE));
  try {
    return fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The headers of every request to Strapi's REST API: JSON, with the web app's token when it has one. */
export function cmsHeaders(): Record<string, string> {
  const token = apiToken();
  return { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}
