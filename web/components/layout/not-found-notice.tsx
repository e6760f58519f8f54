import Link from 'next/link';

/** A 404's words, the same on every page that has nothing to show. */
export function NotFoundNotice() {
  return (
    <section className="notice">
      <h1>Page not found</h1>
      <p>The page you asked for does not exist, or is no longer published.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </section>
  );
}
