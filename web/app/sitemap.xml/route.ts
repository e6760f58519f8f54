import { XML_HEADERS, sitemapIndex } from '@/lib/sitemaps';

// Rendered per request from the tagged data cache, so a build never needs the CMS and a publish shows at once.
export const dynamic = 'force-dynamic';

export async function GET() {
  return new Response(await sitemapIndex(), { headers: XML_HEADERS });
}
