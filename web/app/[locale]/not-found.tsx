import Link from 'next/link';

export default function NotFound() {
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
