// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Api } from './api';
import { loadContext, renderContext } from './context';
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

  it('lists the lines with the entry marked, and picks one on a click', async () => {
    const container = document.createElement('div');
    const picked: number[] = [];
    renderContext(container, { entries: entries(1, 3), via: 'paging' }, entry(2), { time: () => 't', source: 'orders' }, (e) => picked.push(e.id));
    expect(container.querySelector('.context-title')!.textContent).toBe('2 lines around #2 from orders');
    expect(container.querySelector('.current')!.textContent).toBe('tINFOmessage 2');
    container.querySelector<HTMLElement>('[data-id="3"]')!.click();
    expect(picked).toEqual([3]);
  });
});
