import { memoryLevel, sizeOf } from '../../cache-memory.mjs';

// A page as Next 16 hands it to the cache: its HTML, its RSC payload, and one payload per route segment.
function page(kilobytes: number, tags: string[] = []) {
  const bytes = (n: number) => Buffer.alloc(n * 1024, 7);
  return {
    value: {
      kind: 'APP_PAGE',
      html: 'x'.repeat(kilobytes * 1024),
      rscData: bytes(kilobytes),
      segmentData: new Map([
        ['/_tree', bytes(kilobytes)],
        ['/_full', bytes(kilobytes)],
      ]),
      headers: { 'x-next-cache-tags': tags.join(',') },
      status: 200,
    },
    lastModified: Date.now(),
    tags,
  };
}

describe('a web node’s memory level of the page cache', () => {
  it('counts what a page holds, its segment payloads included', () => {
    const entry = page(100);
    // HTML, RSC payload and two segments of 100 KB each.
    expect(sizeOf(entry)).toBeGreaterThan(4 * 100 * 1024);
    expect(sizeOf(entry)).toBeLessThan(4 * 100 * 1024 + 2048);
    // What the handler library measured: the Map as "{}", the Buffers as JSON arrays.
    expect(JSON.stringify(entry).includes('"segmentData":{}')).toBe(true);
  });

  it('keeps no more than its budget, dropping the least recently used pages first', async () => {
    const memory = memoryLevel(1024 * 1024);
    for (let i = 0; i < 10; i++) await memory.set(`/page-${i}`, page(100));
    expect(memory.size).toBeLessThanOrEqual(1024 * 1024);
    expect(await memory.get('/page-0', { implicitTags: [] })).toBeNull();
    expect(await memory.get('/page-9', { implicitTags: [] })).not.toBeNull();
  });

  it('forgets a page when one of its tags, or its path, is revalidated', async () => {
    const memory = memoryLevel(10 * 1024 * 1024);
    await memory.set('/articles/a', page(1, ['article:a']));
    await memory.set('/articles/b', page(1, ['article:b']));
    await memory.revalidateTag('article:a');
    expect(await memory.get('/articles/a', { implicitTags: [] })).toBeNull();
    expect(await memory.get('/articles/b', { implicitTags: [] })).not.toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 2));
    await memory.revalidateTag('_N_T_/en/articles/b');
    expect(await memory.get('/articles/b', { implicitTags: ['_N_T_/en/articles/b'] })).toBeNull();
  });
});
