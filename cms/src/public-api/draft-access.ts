import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { WEB_TOKEN_NAME } from '../bootstrap/api-token';

// Strapi 5.54's name for the strategy that authenticated a content-API token.
const TOKEN_STRATEGY = 'content-api-token';

type Auth = { strategy?: { name?: string }; credentials?: { name?: string } | null } | undefined;

/**
 * Who may read drafts through the content API: the web app's own token, which renders editors' Preview.
 * Decided from Strapi's resolved authentication (after it checked the token), never from whether an
 * Authorization header is present: an odd header (`Basic ...`, a bare `Bearer`) leaves the client public.
 */
export function mayReadDrafts(auth: Auth): boolean {
  return auth?.strategy?.name === TOKEN_STRATEGY && auth.credentials?.name === WEB_TOKEN_NAME;
}

/** Route middleware of every public find/findOne: `status=draft` is refused for everyone else. */
export async function draftAccess(ctx: Context, next: Next) {
  const status = (ctx.query as Record<string, unknown>).status;
  if (status !== undefined && status !== 'published' && !mayReadDrafts(ctx.state.auth as Auth)) {
    // A PolicyError keeps its message: Strapi turns other 403s raised after authorisation into a bare "Forbidden".
    throw new errors.PolicyError('Drafts are only available to the web app’s preview');
  }
  await next();
}
