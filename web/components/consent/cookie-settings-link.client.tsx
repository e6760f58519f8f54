'use client';

import { OPEN_SETTINGS_EVENT } from './consent';

export function CookieSettingsLink({ label }: { label: string }) {
  return (
    <button type="button" className="link-button" onClick={() => window.dispatchEvent(new Event(OPEN_SETTINGS_EVENT))}>
      {label}
    </button>
  );
}
