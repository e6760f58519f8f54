import fs from 'fs';
import path from 'path';
import { FALLBACK_REVALIDATE_SECONDS } from '../cms/tags';

// Next requires segment config as a literal, so every route repeats the fallback; this keeps them equal.
function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^(page|route)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('route segment config', () => {
  it('uses the one fallback revalidation period wherever a route sets one', () => {
    const declared = routeFiles(path.join(__dirname, '..', '..', 'app'))
      .map((file) => /export const revalidate = (\d+);/.exec(fs.readFileSync(file, 'utf8'))?.[1])
      .filter((value): value is string => value !== undefined);
    expect(declared.length).toBeGreaterThan(10);
    expect(new Set(declared)).toEqual(new Set([String(FALLBACK_REVALIDATE_SECONDS)]));
  });
});
