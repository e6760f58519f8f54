import { notFound } from 'next/navigation';

// Any other path is a 404, rendered inside the site's layout.
export default function UnknownPage() {
  notFound();
}
