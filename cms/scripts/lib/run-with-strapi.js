// What the CMS's command-line scripts share: a loaded (not listening) Strapi on the configured database,
// a progress bar, and one way to end.
const path = require('path');
const { SingleBar, Presets } = require('cli-progress');

/** Loads Strapi from dist/, runs `task(strapi)`, and exits 0, or 1 with the error's message. */
function runWithStrapi(task) {
  (async () => {
    process.env.STRAPI_TELEMETRY_DISABLED = 'true';
    process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
    const appDir = path.resolve(__dirname, '..', '..');
    const { createStrapi } = require('@strapi/strapi');
    const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
    try {
      await task(strapi);
    } finally {
      await strapi.destroy();
    }
    process.exit(0);
  })().catch((error) => {
    console.error(String(error.message || error).slice(-400));
    process.exit(1);
  });
}

function progressBar() {
  return new SingleBar({ format: 'articles {bar} {value}/{total} | {percentage}% | {duration}s | eta {eta}s' }, Presets.shades_classic);
}

module.exports = { runWithStrapi, progressBar };
