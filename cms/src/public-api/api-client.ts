import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { WEB_TOKEN_NAME } from '../bootstrap/api-token';

/**
 * Who is asking the public API, known before Strapi routes the request (the rate limits, the partner rules
 * and the request log need it first): a content-API token, by name, or otherwise the client's address.
 * A token Strapi does not know, or one that has expired, counts as no token: Strapi answers it 401.
 */
export type ApiClient = { kind: 'token'; id: number; name: string; web: boolean; address: string } | { kind: 'address'; address: string };

type TokenRecord = { id: number; name: string; kind?: string; expiresAt?: string | number | null };

const REMEMBER_MS = 10_000;
const REMEMBERED_TOKENS = 1_000;

/**
 * The client's address: the connection's peer, or, when that peer is a trusted proxy (the edge), the last
 * address in X-Forwarded-For that is not one of the trusted proxies. A client talking to the CMS directly
 * cannot choose its address by sending the header.
 */
export function clientAddress(ctx: Context, trustedProxies: ReadonlySet<string>): string {
  const normalise = (address: string) => address.trim().replace(/^::ffff:/, '');
  const peer = normalise(ctx.req.socket.remoteAddress ?? '');
  if (!trustedProxies.has(peer)) return peer;
  const forwarded = String(ctx.get('x-forwarded-for') || '')
    .split(',')
    .map(normalise)
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) if (!trustedProxies.has(forwarded[i])) return forwarded[i];
  return peer;
}

/** Resolves the Authorization header of a request to the token Strapi would authenticate, remembered briefly. */
export function apiClients(strapi: Core.Strapi, trustedProxies: ReadonlySet<string>) {
  const remembered = new Map<string, { token: TokenRecord | null; until: number }>();
  const tokens = () => strapi.service('admin::api-token-content-api');

  async function token(key: string): Promise<TokenRecord | null> {
    const hash: string = tokens().hash(key);
    const now = Date.now();
    const known = remembered.get(hash);
    if (known && known.until > now) return known.token;
    const found = ((await tokens().getByAccessKey(hash)) as TokenRecord | null) ?? null;
    const token = found && (found.kind === undefined || found.kind === 'content-api') ? found : null;
    if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
    remembered.set(hash, { token, until: now + REMEMBER_MS });
    return token;
  }

  return async function identify(ctx: Context): Promise<ApiClient> {
    const address = clientAddress(ctx, trustedProxies);
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
    if (!bearer) return { kind: 'address', address };
    const found = await token(bearer[1]);
    const expired = found?.expiresAt != null && new Date(found.expiresAt).getTime() <= Date.now();
    if (!found || expired) return { kind: 'address', address };
    return { kind: 'token', id: found.id, name: found.name, web: found.name === WEB_TOKEN_NAME, address };
  };
}

/** The client a request was identified as (by the api-client middleware), for the middlewares after it. */
export const apiClientOf = (ctx: Context): ApiClient | undefined => ctx.state.apiClient as ApiClient | undefined;
