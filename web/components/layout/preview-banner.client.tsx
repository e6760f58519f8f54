'use client';

import { usePathname } from 'next/navigation';

/** Shown on every page while an editor previews drafts: what they see is not public, and the way out. */
export function PreviewBanner() {
  const path = usePathname();
  return (
    <div className="preview-banner" role="status">
      <strong>Preview</strong>: you are seeing drafts, which readers do not see.{' '}
      <a href={`/api/preview/exit?path=${encodeURIComponent(path)}`}>Leave preview</a>
    </div>
  );
}
