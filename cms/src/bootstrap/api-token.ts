import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { WEB_API_TOKEN_FILE } from '@newsroom/contract';
import { WEB_APP_ACTIONS } from './public-access';
import { cmsEnv } from '../env';

export const WEB_TOKEN_NAME = 'web (read-only)';

// Where the web app finds its token: a file both apps can read (a shared volume in docker-compose).
export function webTokenFile(strapi: Core.Strapi) {
  return path.resolve(strapi.dirs.app.root, cmsEnv().WEB_API_TOKEN_FILE ?? path.join('..', WEB_API_TOKEN_FILE));
}

/**
 * The web app reads through its own read-only API token. Strapi keeps only a hash of a token, so the
 * plain key is written to a file when the token is created, and the token is regenerated whenever
 * that file is missing or no longer matches: the web app never needs a manual step.
 */
export async function ensureWebApiToken(strapi: Core.Strapi) {
  const tokens = strapi.service('admin::api-token-content-api');
  const file = webTokenFile(strapi);
  const existing = await tokens.getByName(WEB_TOKEN_NAME);

  if (existing) {
    // The token's rights are owned by code: a new release may grant it new actions.
    const granted = new Set<string>(existing.permissions ?? []);
    if (granted.size !== WEB_APP_ACTIONS.length || WEB_APP_ACTIONS.some((action) => !granted.has(action))) {
      await tokens.update(existing.id, { permissions: WEB_APP_ACTIONS });
    }
  }

  if (existing && fs.existsSync(file)) {
    const key = fs.readFileSync(file, 'utf8').trim();
    const match = key && (await tokens.getByAccessKey(tokens.hash(key)));
    if (match && match.id === existing.id) return;
  }

  const { accessKey } = existing
    ? await tokens.regenerate(existing.id)
    : await tokens.create({
        name: WEB_TOKEN_NAME,
        description: 'Used by the Next.js reader site. Created and rotated by the CMS at start.',
        // Least privilege: what readers may read, plus counting searches; not users, not writes to content.
        type: 'custom',
        permissions: WEB_APP_ACTIONS,
        lifespan: null,
      });

  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${accessKey}\n`, { mode: 0o600 });
  strapi.log.info(`Web app API token written to ${file}`);
}
