'use client';
import { useState } from 'react';

type Offer = { href: string; language: string; name: string };

/**
 * The machine translations on offer, as plain links (they work without JavaScript). With it, choosing one
 * says "Translating…" while a first translation is made: the page of a translation is a document of its
 * own (its own <html lang>), so the browser shows this one until it arrives.
 */
export function TranslateLinks({ offers, translating }: { offers: Offer[]; translating: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <>
      <ul className="translate__list">
        {offers.map((offer) => (
          <li key={offer.language}>
            <a
              href={offer.href}
              hrefLang={offer.language}
              lang={offer.language}
              rel="nofollow"
              aria-busy={busy === offer.language || undefined}
              onClick={(event) => {
                if (!event.metaKey && !event.ctrlKey && !event.shiftKey && event.button === 0) setBusy(offer.language);
              }}
            >
              {offer.name}
            </a>
          </li>
        ))}
      </ul>
      <p className="translate__status" role="status">
        {busy ? translating : ''}
      </p>
    </>
  );
}
