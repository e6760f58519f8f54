'use client';

// Shown when even the site's frame cannot render (the CMS is down and this page was never cached).
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'Georgia, serif', textAlign: 'center', padding: '3rem 1rem' }}>
        <h1>This page is temporarily unavailable</h1>
        <p>Our newsroom system did not answer in time. Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
