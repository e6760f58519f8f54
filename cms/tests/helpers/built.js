// jest's globalSetup: the CMS tests boot Strapi from dist/, so a stale build would test old code. Fails
// loudly, naming the newest source file, unless dist/ is newer than every source (npm run build makes it).
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const SOURCES = ['src', 'config', 'database', 'scripts'];

function newest(dir) {
  let best = { file: null, mtime: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const found = entry.isDirectory() ? newest(file) : { file, mtime: fs.statSync(file).mtimeMs };
    if (found.mtime > best.mtime) best = found;
  }
  return best;
}

module.exports = async function assertBuilt() {
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'src', 'index.js'))) {
    throw new Error('cms/dist is missing: run `npm run build` in cms/ (or `npm test` at the root) first.');
  }
  // The newest file a build wrote (tsc rewrites its build info on every build, changed or not).
  const built = newest(dist).mtime;
  const source = SOURCES.map((dir) => newest(path.join(root, dir))).reduce((a, b) => (b.mtime > a.mtime ? b : a));
  if (source.mtime > built) {
    throw new Error(`cms/dist is older than ${path.relative(root, source.file)}: run \`npm run build\` in cms/ first.`);
  }
};
