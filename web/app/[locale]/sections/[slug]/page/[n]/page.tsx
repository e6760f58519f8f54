import type { Locale } from '@/lib/i18n';
import { listingMetadata, loadListing } from '@/lib/pages/listing';
import { ListingView } from '@/components/listing/listing-view';

// Segment config must be a literal: FALLBACK_REVALIDATE_SECONDS (a day), the safety net behind webhook refreshes.
export const revalidate = 86400;
// Nothing prerendered at build: each path renders on its first request, then stays cached.
export const generateStaticParams = () => [];

type Props = PageProps<'/[locale]/sections/[slug]/page/[n]'>;
const load = async ({ params }: Props) => {
  const { locale, slug, n } = await params;
  return loadListing('sections', locale as Locale, slug, n);
};

export async function generateMetadata(props: Props) {
  return listingMetadata(await load(props));
}

export default async function Page(props: Props) {
  return <ListingView listing={await load(props)} />;
}
