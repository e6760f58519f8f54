import { NotFoundNotice } from '@/components/layout/not-found-notice';

// Any path of the site that names nothing. (Entries' own segments add the versions in other languages.)
export default function NotFound() {
  return <NotFoundNotice />;
}
