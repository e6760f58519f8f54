import Link from 'next/link';
import type { Labels } from '@/lib/labels';

/** Previous/next links for a list at `basePath` (page 1) and `basePath/page/N`. */
export function Pagination({ basePath, page, hasMore, labels }: { basePath: string; page: number; hasMore: boolean; labels: Labels }) {
  if (page === 1 && !hasMore) return null;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}/page/${n}`);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          {labels.newer}
        </Link>
      )}
      <span>{labels.page(page)}</span>
      {hasMore && (
        <Link href={href(page + 1)} rel="next">
          {labels.older}
        </Link>
      )}
    </nav>
  );
}
