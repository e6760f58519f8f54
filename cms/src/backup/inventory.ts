import crypto from 'crypto';
import fs from 'fs/promises';
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import { EXTRA_TABLES } from './methods';

// What a backup must bring back, written down so a restore can prove it did: every entry of every content
// type (each locale, draft and published), with its fields, components, dynamic zones and relations in
// their order, and every uploaded file's bytes. Database ids are left out (a Strapi import renumbers them),
// and so are createdBy/updatedBy (a Strapi export leaves out admin users).

type Attribute = { type: string; target?: string; component?: string; components?: string[]; relation?: string };
type Schema = { attributes: Record<string, Attribute> };

const FILE = 'plugin::upload.file';
const PAGE = 500;
const LEFT_OUT = new Set(['id', 'createdBy', 'updatedBy', 'localizations']);

export type Inventory = {
  /** Per content type (and "files"): how many entries and one digest over all of them. */
  summary: Record<string, { entries: number; digest: string }>;
  /** Per entry (`uid documentId locale status`, or a file's path): its digest, to name what differs. */
  entries: Record<string, string>;
};

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** The same value with object keys sorted and ids dropped, so equal content serialises identically. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => !LEFT_OUT.has(key))
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Populate everything an entry holds: components and zones all the way down, relations and media by identity. */
function populateOf(strapi: Core.Strapi, schema: Schema): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (LEFT_OUT.has(name)) continue;
    if (attribute.type === 'media') populate[name] = { fields: ['documentId', 'hash', 'ext'] };
    else if (attribute.type === 'relation' && !attribute.target?.startsWith('admin::')) populate[name] = { fields: ['documentId'] };
    else if (attribute.type === 'component')
      populate[name] = { populate: populateOf(strapi, strapi.components[attribute.component as UID.Component]) };
    else if (attribute.type === 'dynamiczone')
      populate[name] = {
        on: Object.fromEntries(
          (attribute.components ?? []).map((uid) => [uid, { populate: populateOf(strapi, strapi.components[uid as UID.Component]) }]),
        ),
      };
  }
  return populate;
}

function contentTypesToKeep(strapi: Core.Strapi) {
  return Object.entries(strapi.contentTypes)
    .filter(([uid]) => uid.startsWith('api::') || uid === 'plugin::i18n.locale')
    .map(([uid, contentType]) => ({ uid: uid as UID.ContentType, contentType }));
}

async function entriesOf(strapi: Core.Strapi, uid: UID.ContentType, locales: string[]) {
  const contentType = strapi.contentTypes[uid] as unknown as Schema & {
    options?: { draftAndPublish?: boolean };
    pluginOptions?: { i18n?: { localized?: boolean } };
  };
  const populate = populateOf(strapi, contentType);
  const statuses = contentType.options?.draftAndPublish ? (['draft', 'published'] as const) : ([undefined] as const);
  const localeList = contentType.pluginOptions?.i18n?.localized ? locales : [undefined];
  const found: [string, string][] = [];
  // A page at a time: a hundred thousand articles with their bodies do not fit in memory at once. Each page
  // starts after the last document seen (not at an offset, which the database would count through again).
  for (const locale of localeList)
    for (const status of statuses)
      for (let after = ''; ; ) {
        const filters = { documentId: { $gt: after } };
        const query = { locale, status, populate, filters, sort: 'documentId:asc', limit: PAGE };
        const entries = (await strapi.documents(uid).findMany(query as never)) as Record<string, unknown>[];
        for (const entry of entries) {
          const key = [uid, entry.documentId ?? entry.code ?? entry.id, locale ?? '-', status ?? '-'].join(' ');
          found.push([key, sha256(JSON.stringify(canonical(entry)))]);
        }
        if (entries.length < PAGE) break;
        after = entries.at(-1)!.documentId as string;
      }
  return found;
}

/** An upload's bytes: from the public folder (local provider) or its URL (S3 and the like). */
async function uploadBytes(strapi: Core.Strapi, url: string) {
  if (url.startsWith('/')) return fs.readFile(path.join(strapi.dirs.static.public, url));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Each uploaded file (original and every format): its record and a digest of its bytes. */
async function filesOf(strapi: Core.Strapi) {
  const files = (await strapi.db.query(FILE).findMany({ orderBy: { hash: 'asc' } })) as Record<string, unknown>[];
  const found: [string, string][] = [];
  for (const file of files) {
    const formats = (file.formats ?? {}) as Record<string, { url: string }>;
    const names = Object.keys(formats).sort(); // PostgreSQL's jsonb keeps its own key order
    const urls = [file.url as string, ...names.map((name) => formats[name].url)];
    const bytes = await Promise.all(urls.map((url) => uploadBytes(strapi, url).then(sha256)));
    // Where the file is served from differs between installs (a bucket's host); its name does not. PostgreSQL
    // answers decimals as text.
    const record = canonical({ ...file, size: Number(file.size), url: path.basename(file.url as string), formats: names, bytes });
    found.push([`${FILE} ${file.hash}${file.ext}`, sha256(JSON.stringify(record))]);
  }
  return found;
}

/**
 * The rows of our own tables worth keeping, without their serial ids, in one form for both databases:
 * times as instants (SQLite keeps text or numbers), whole numbers as numbers (PostgreSQL answers bigints as text).
 */
async function rowsOf(strapi: Core.Strapi, table: string) {
  const rows = (await strapi.db.connection(table).select()) as Record<string, unknown>[];
  return rows.map(({ id: _id, ...row }) => {
    for (const [column, value] of Object.entries(row)) {
      if (column.endsWith('_at') && value !== null) row[column] = new Date(value as string).toISOString();
      else if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) row[column] = Number(value);
    }
    const json = JSON.stringify(canonical(row));
    return [`table ${table} ${sha256(json).slice(0, 16)}`, sha256(json)] as [string, string];
  });
}

export async function takeInventory(strapi: Core.Strapi): Promise<Inventory> {
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map((l) => l.code).sort();
  const inventory: Inventory = { summary: {}, entries: {} };
  const add = (name: string, found: [string, string][]) => {
    found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    inventory.summary[name] = { entries: found.length, digest: sha256(found.map((pair) => pair.join(':')).join('\n')) };
    for (const [key, digest] of found) inventory.entries[key] = digest;
  };
  for (const { uid } of contentTypesToKeep(strapi)) add(uid, await entriesOf(strapi, uid, locales));
  add(FILE, await filesOf(strapi));
  for (const table of EXTRA_TABLES)
    if (await strapi.db.connection.schema.hasTable(table)) add(`table ${table}`, await rowsOf(strapi, table));
  return inventory;
}

/** What differs between a backup's inventory and a restored database's, in words an operator can act on. */
export function compareInventories(expected: Inventory, actual: Inventory): string[] {
  const problems: string[] = [];
  for (const [name, { entries, digest }] of Object.entries(expected.summary)) {
    const found = actual.summary[name];
    if (!found) problems.push(`${name}: missing from the restored database`);
    else if (found.digest !== digest) {
      const differing = Object.keys(expected.entries).filter(
        (key) => key.startsWith(`${name} `) && actual.entries[key] !== expected.entries[key],
      );
      const extra = Object.keys(actual.entries).filter((key) => key.startsWith(`${name} `) && !(key in expected.entries));
      problems.push(
        `${name}: ${found.entries} entries restored of ${entries}; ${differing.length} missing or changed` +
          `${differing.length ? ` (${differing.slice(0, 3).join(', ')})` : ''}, ${extra.length} not in the backup`,
      );
    }
  }
  return problems;
}
