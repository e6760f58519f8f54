import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'The Tidewater Ledger', template: '%s · The Tidewater Ledger' },
  description: 'News and commentary from Port Halden and the estuary towns.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="masthead">
          <a href="/" className="masthead__name">
            The Tidewater Ledger
          </a>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
