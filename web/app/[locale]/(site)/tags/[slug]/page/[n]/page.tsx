import { listingRoute } from '@/lib/pages/listing';

// Segment config must be a literal: FALLBACK_REVALIDATE_SECONDS (a day), the safety net behind webhook refreshes.
export const revalidate = 86400;
// Nothing prerendered at build: each path renders on its first request, then stays cached.
export const generateStaticParams = () => [];

const route = listingRoute('tags');
export const generateMetadata = route.generateMetadata;
export default route.Page;
