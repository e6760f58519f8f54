import { cmsIsUp } from '@/lib/cms/client';

// Whether the CMS is answering, as last seen. Checked in the background at most every few seconds, so
// requests never wait for the check.

const RECHECK_MS = 2_000;
let state = { up: true, checkedAt: 0 };
let checking = false;

export function cmsSeemsDown(): boolean {
  if (!checking && Date.now() - state.checkedAt > RECHECK_MS) {
    checking = true;
    cmsIsUp(1_500).then((up) => {
      state = { up, checkedAt: Date.now() };
      checking = false;
    });
  }
  return !state.up;
}

export const OUTAGE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Temporarily unavailable</title>
<style>body{font-family:Charter,Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#1b1b1b;background:#fdfcf8}
@media (prefers-color-scheme:dark){body{color:#ebe9e4;background:#131313}}a{color:inherit}</style></head>
<body><h1>This page is temporarily unavailable</h1>
<p>Our newsroom system is not answering right now, and this page has not been saved yet. Please try again in a few minutes.</p>
<p><a href="/">Go to the front page</a></p></body></html>`;
