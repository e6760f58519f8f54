import 'server-only';
import { CmsError } from '@/lib/cms';

/**
 * Pages to prerender at build time. With the CMS down, none: `next build` still succeeds and pages
 * render on their first request (dynamicParams), then stay cached.
 */
export async function prerenderOrNone<T>(list: () => Promise<T[]>): Promise<T[]> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof CmsError) return [];
    throw error;
  }
}
