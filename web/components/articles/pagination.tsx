import Link from 'next/link';

/** Previous/next links for a list at `basePath` (page 1) and `basePath/page/N`. */
export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}/page/${n}`);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          ← Newer
        </Link>
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next">
          Older →
        </Link>
      )}
    </nav>
  );
}
