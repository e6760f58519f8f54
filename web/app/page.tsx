import { getLatestArticles } from '@/lib/cms';
import { LatestList } from '@/components/articles/latest-list';

// The full reader site (static pages refreshed by Strapi's webhook) replaces this in the next issue;
// until then the list is rendered per request from a 60-second data cache, so `next build` never
// needs the CMS to be up.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const latest = await getLatestArticles({ pageSize: 20 });
  return (
    <>
      <h1>Latest</h1>
      <LatestList articles={latest.items} />
    </>
  );
}
