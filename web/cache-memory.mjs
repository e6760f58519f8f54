// A web node's own first level of the shared page cache (cache-handler.mjs): at most `maxBytes` of entries,
// least recently used first out. An entry's size is what it holds in memory: its strings, its Buffers and
// the Buffers of its Maps (Next 16 keeps a page's per-segment RSC payloads in `segmentData`, a Map). The
// handler library's own memory level measured entries as JSON, which counts a Map as `{}`, so the cap
// left most of a page uncounted and a node's memory grew far past it.
import { LRUCache } from 'lru-cache';

const IMPLICIT_TAG = '_N_T_';
const MAX_ENTRIES = 5_000;

/** The bytes `value` holds: strings by length, binary data by byte length, containers by what they hold. */
export function sizeOf(value) {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value.length;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (value instanceof Map) {
    let size = 0;
    for (const [key, item] of value) size += sizeOf(key) + sizeOf(item);
    return size;
  }
  if (Array.isArray(value)) return value.reduce((size, item) => size + sizeOf(item), 0);
  if (typeof value === 'object') {
    let size = 0;
    for (const [key, item] of Object.entries(value)) size += key.length + sizeOf(item);
    return size;
  }
  return 8;
}

/** The memory level: get, set, delete and revalidateTag, as the handler library's levels answer them. */
export function memoryLevel(maxBytes) {
  const entries = new LRUCache({ max: MAX_ENTRIES, maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, sizeOf(entry)) });
  // When an implicit tag (a path) was revalidated here: entries rendered before are stale.
  const revalidated = new Map();
  return {
    name: 'memory',
    get size() {
      return entries.calculatedSize;
    },
    async get(key, meta) {
      const entry = entries.get(key);
      if (!entry) return null;
      for (const tag of [...(entry.tags ?? []), ...(meta?.implicitTags ?? [])]) {
        if ((revalidated.get(tag) ?? 0) > entry.lastModified) {
          entries.delete(key);
          return null;
        }
      }
      return entry;
    },
    async set(key, entry) {
      // An entry bigger than the whole level is not kept (LRUCache refuses it).
      entries.set(key, entry);
    },
    async delete(key) {
      entries.delete(key);
    },
    async revalidateTag(tag) {
      for (const [key, entry] of entries.entries()) if (entry.tags?.includes(tag)) entries.delete(key);
      if (tag.startsWith(IMPLICIT_TAG)) revalidated.set(tag, Date.now());
    },
  };
}
