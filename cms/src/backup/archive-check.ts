import crypto from 'crypto';
import { file, utils } from '@strapi/data-transfer';

// Strapi's export pages each table with LIMIT/OFFSET and no ORDER BY (see STABLE_SCANS in ./methods): when the
// pages overlap, the archive holds as many rows as the table but some twice, and as many others not at all.
// A row held twice is the visible half of that loss, so an archive is refused when any entity or link is.

type Entity = { type: string; id: number };
type Link = { left: { type: string; ref: number; field: string }; right: { type: string; ref: number } };

/** Rows an archive holds more than once, counted per content type and for the relations between them. */
export async function repeatedRows(archive: string, key?: string) {
  const provider = file.providers.createLocalFileSourceProvider({
    file: { path: archive },
    encryption: { enabled: Boolean(key), key },
    compression: { enabled: true },
  });
  // Opens the archive as an import would, with its message for a wrong key or a file that is no export.
  await provider.bootstrap(utils.diagnostics.createDiagnosticReporter());
  const perType = new Map<string, { rows: number; ids: Set<number> }>();
  for await (const { type, id } of provider.createEntitiesReadStream() as AsyncIterable<Entity>) {
    const seen = perType.get(type) ?? { rows: 0, ids: new Set() };
    seen.rows += 1;
    seen.ids.add(id);
    perType.set(type, seen);
  }
  // A link has no id of its own: the whole line is its identity (a digest keeps 100,000s of them small).
  const links = { rows: 0, distinct: new Set<string>() };
  for await (const link of provider.createLinksReadStream() as AsyncIterable<Link>) {
    links.rows += 1;
    links.distinct.add(crypto.createHash('sha1').update(JSON.stringify(link)).digest('base64'));
  }
  const problems = [...perType]
    .filter(([, { rows, ids }]) => rows > ids.size)
    .map(([type, { rows, ids }]) => ({ type, rows, distinct: ids.size }));
  if (links.rows > links.distinct.size) problems.push({ type: 'links', rows: links.rows, distinct: links.distinct.size });
  return problems;
}

/** Throws, naming what is repeated, unless every row of the archive is there once. */
export async function checkArchive(archive: string, key: string | undefined, advice: string) {
  const problems = await repeatedRows(archive, key);
  if (problems.length === 0) return;
  const lines = problems.map(({ type, rows, distinct }) => `${type}: ${rows} rows, only ${distinct} distinct`);
  throw new Error(`The Strapi export ${archive} repeats rows, the sign of as many others left out:\n  ${lines.join('\n  ')}\n${advice}`);
}
