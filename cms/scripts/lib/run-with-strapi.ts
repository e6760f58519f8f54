// What the CMS's command-line scripts share: a loaded (not listening) Strapi on the configured database,
// a progress bar, and one way to end. They run compiled, from dist/scripts.
import path from 'path';
import { SingleBar, Presets } from 'cli-progress';
import { createStrapi, type Core } from '@strapi/strapi';

/** Loads Strapi from dist/, runs `task(strapi)`, and exits 0, or 1 with the error's message. */
export function runWithStrapi(task: (strapi: Core.Strapi) => Promise<void>) {
  (async () => {
    process.env.STRAPI_TELEMETRY_DISABLED = 'true';
    process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
    // dist/scripts/lib -> the CMS's folder
    const appDir = path.resolve(__dirname, '..', '..', '..');
    const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
    try {
      await task(strapi);
    } finally {
      await strapi.destroy();
    }
    process.exit(0);
  })().catch((error: Error) => {
    console.error(String(error.message || error).slice(-400));
    process.exit(1);
  });
}

export function progressBar() {
  return new SingleBar({ format: 'articles {bar} {value}/{total} | {percentage}% | {duration}s | eta {eta}s' }, Presets.shades_classic);
}
