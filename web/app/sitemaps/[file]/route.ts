import { XML_HEADERS, sitemapFile } from '@/lib/sitemaps';

// Rendered per request from the tagged data cache, so a build never needs the CMS and a publish shows at once.
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  const body = await sitemapFile((await params).file);
  return body ? new Response(body, { headers: XML_HEADERS }) : new Response('Not found', { status: 404 });
}
