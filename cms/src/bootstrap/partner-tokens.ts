import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { WEB_TOKEN_NAME } from './api-token';

/** The admin role that may issue partners' API tokens (Settings → API Tokens), and nothing else. */
export const PARTNERSHIPS_ROLE = { name: 'Partnerships', code: 'newsroom-partnerships' };
const TOKEN_ACTIONS = ['access', 'create', 'read', 'update', 'regenerate', 'delete'].map((action) => `admin::api-tokens.${action}`);

type TokenData = { name?: string; kind?: string; type?: string; lifespan?: number | null };

/**
 * Every content-API token but the web app's is a partner's: it must expire (7, 30 or 90 days, or a custom
 * lifespan) and may not be full-access. Whatever it is granted, the api-client middleware lets it read the
 * public routes only, and draft-access refuses it drafts.
 */
function checkPartnerToken(data: TokenData, creating: boolean) {
  if (data.name === WEB_TOKEN_NAME || (data.kind !== undefined && data.kind !== 'content-api')) return;
  if (creating && !data.lifespan) {
    throw new errors.ValidationError('A partner token must expire: choose a duration of 7, 30 or 90 days.');
  }
  if (data.type === 'full-access') {
    throw new errors.ValidationError('A partner token is read-only: choose the Read-only type (or Custom with find and findOne).');
  }
}

// Strapi's admin makes these two on a fresh install, without an expiry and one of them full-access.
const STRAPI_DEFAULT_TOKENS = ['Read Only', 'Full Access'];
let enforcing = false;

export function registerPartnerTokenRules(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({
    models: ['admin::api-token'],
    beforeCreate(event) {
      if (enforcing) checkPartnerToken((event.params.data ?? {}) as TokenData, true);
    },
    beforeUpdate(event) {
      if (enforcing) checkPartnerToken((event.params.data ?? {}) as TokenData, false);
    },
  });
}

/**
 * From here on every new token follows the partner rules. On a fresh install (no admin yet) Strapi's own
 * default tokens are removed, since they break them; the Partnerships role is made once, and who holds it is
 * the admins' choice (Settings → Users).
 */
export async function ensurePartnerTokens(strapi: Core.Strapi) {
  if (!(await strapi.service('admin::user').exists())) {
    await strapi.db.query('admin::api-token').deleteMany({ where: { name: { $in: STRAPI_DEFAULT_TOKENS }, kind: 'content-api' } });
  }
  enforcing = true;
  const roles = strapi.service('admin::role');
  if (await roles.exists({ code: PARTNERSHIPS_ROLE.code })) return;
  const role = await roles.create({
    ...PARTNERSHIPS_ROLE,
    description: 'Issues and revokes partners’ read-only, expiring API tokens.',
  });
  await roles.assignPermissions(
    role.id,
    TOKEN_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  );
}
