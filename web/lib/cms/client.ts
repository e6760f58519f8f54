import 'server-only';
import qs from 'qs';
import type { z } from 'zod';
import { CMS_URL, cmsHeaders } from './config';
import { isPreview } from '../preview';

/** A failed conversation with Strapi, carrying what was asked. A 404 is not one: fetchers return null. */
export class CmsError extends Error {
  constructor(
    readonly request: { path: string; query: object },
    readonly status: number | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`CMS ${request.path}: ${message}`, options);
    this.name = 'CmsError';
  }
}

/** How a read is cached: by tags with a time-based fallback, or not at all (reads that keep their own copy). */
export type CacheOptions = { tags: string[]; revalidate: number } | 'no-store';

/** GETs a Strapi REST path and validates the payload with `schema`; null when Strapi answers 404. */
export async function cmsGet<S extends z.ZodType>(
  path: string,
  query: object,
  schema: S,
  cache: CacheOptions,
): Promise<z.output<S> | null> {
  // In preview (draft mode) drafts are read, and nothing is cached: a draft never reaches the public cache.
  const preview = await isPreview();
  const request = { path, query: preview ? { ...query, status: 'draft' } : query };
  const url = `${CMS_URL}/api${path}?${qs.stringify(request.query, { encodeValuesOnly: true })}`;

  let response: Response;
  try {
    response = await fetch(url, {
      headers: cmsHeaders(),
      ...(preview || cache === 'no-store' ? { cache: 'no-store' as const } : { next: cache }),
    });
  } catch (cause) {
    throw new CmsError(request, null, 'the CMS could not be reached', { cause });
  }

  if (response.status === 404) return null;
  if (!response.ok) {
    throw new CmsError(request, response.status, `answered ${response.status} ${await response.text().catch(() => '')}`.trim());
  }

  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new CmsError(request, response.status, `unexpected payload: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Whether Strapi answers its health check: the build prerenders pages only when it does. */
export async function cmsIsUp(timeoutMs = 3_000): Promise<boolean> {
  try {
    return (await fetch(`${CMS_URL}/_health`, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) })).ok;
  } catch {
    return false;
  }
}
