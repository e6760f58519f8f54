'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="notice" role="alert">
      <h1>This page is temporarily unavailable</h1>
      <p>Our newsroom system did not answer in time. Please try again in a moment.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
