import { feedResponse } from '@/lib/feeds';
import { withLocale } from '@/lib/pages/params';

// Segment config must be a literal: FALLBACK_REVALIDATE_SECONDS (a day), the safety net behind webhook refreshes.
export const revalidate = 86400;
// Nothing prerendered at build: each path renders on its first request, then stays cached.
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/feed.json'>) {
  return feedResponse((await withLocale(params)).locale, { kind: 'site' }, 'feed.json');
}
