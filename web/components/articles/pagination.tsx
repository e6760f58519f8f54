import Link from 'next/link';
import type { Labels } from '@/lib/labels';

/** Previous/next links for a list at `basePath` (page 1) and `basePath/page/N`. */
export function Pagination({ basePath, page, pageCount, labels }: { basePath: string; page: number; pageCount: number; labels: Labels }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}/page/${n}`);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          {labels.newer}
        </Link>
      )}
      <span>{labels.pageOf(page, pageCount)}</span>
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next">
          {labels.older}
        </Link>
      )}
    </nav>
  );
}
