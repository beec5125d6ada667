// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Api } from './api';
import { ContextRows, loadContext } from './context';
import { entries, entry } from './testEntries';

const source = { app: 'orders', host: 'h', pid: 1, instance: 'o-1' };

function api(routes: (url: URL) => [number, unknown]) {
  const asked: string[] = [];
  return {
    asked,
    api: new Api(async (input: string) => {
      asked.push(input);
      const [status, body] = routes(new URL(input, 'http://x/'));
      return new Response(JSON.stringify(body), { status });
    }),
  };
}

describe('loadContext', () => {
  it('uses the context endpoint when the viewer has it', async () => {
    const { api: client, asked } = api(() => [200, entries(8, 12)]);
    const result = await loadContext(client, entry(10, { source }), 2);
    expect(result).toMatchObject({ via: 'context' });
    expect('entries' in result && result.entries.map((e) => e.id)).toEqual([8, 9, 10, 11, 12]);
    expect(asked).toEqual(['api/entries/10/context?lines=2']);
  });

  it('builds it from a page before and a page after, with the source as filter, where the viewer answers 404', async () => {
    const { api: client, asked } = api((url) => {
      if (url.pathname.endsWith('/context')) return [404, { error: 'no such page' }];
      return [200, url.searchParams.has('before') ? entries(7, 9) : entries(11, 13)];
    });
    const result = await loadContext(client, entry(10, { source }), 3);
    expect('entries' in result && result.entries.map((e) => e.id)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(result).toMatchObject({ via: 'paging' });
    expect(asked.slice(1).sort()).toEqual(['api/entries?source=o-1&after=10&limit=3', 'api/entries?source=o-1&before=10&limit=3']);
    // the next time, straight to the pages
    await loadContext(client, entry(10, { source }), 3);
    expect(asked.filter((a) => a.includes('/context'))).toHaveLength(1);
  });
});

describe('ContextRows', () => {
  it('holds the lines in id order with the entry it was opened on marked', () => {
    const rows = new ContextRows(entry(12), entries(10, 14));
    expect(rows.length).toBe(5);
    expect(rows.indexOfAnchor).toBe(2);
    expect(rows.entry(0)!.id).toBe(10);
    expect(rows.entry(5)).toBeUndefined();
    expect(rows.mark(entry(12))).toBe('context-row context-anchor');
    expect(rows.mark(entry(13))).toBe('context-row');
    expect([...rows.entries()].map((e) => e.id)).toEqual([10, 11, 12, 13, 14]);
  });
});
