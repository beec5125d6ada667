import { describe, expect, it } from 'vitest';
import { Api } from './api';
import { entry } from './testEntries';

/** A fetch that answers from a table of path → [status, body] and records what was asked. */
function fake(routes: Record<string, [number, unknown]>) {
  const asked: string[] = [];
  const fetcher = async (input: string) => {
    asked.push(input);
    const path = input.split('?')[0];
    const [status, body] = routes[path] ?? [404, { status: 404, error: 'no such page' }];
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { api: new Api(fetcher), asked };
}

describe('Api', () => {
  it('asks for entries with the filters and the page, in the API names', async () => {
    const { api, asked } = fake({ 'api/entries': [200, [entry(1)]] });
    const filters = new URLSearchParams('q=a|b[0-9]&regex=true&source=orders');
    const result = await api.entries(filters, { before: 42, limit: 500, from: '-15m' });
    expect(result).toEqual({ ok: true, value: [entry(1)] });
    const url = new URL(asked[0], 'http://x/');
    expect(url.searchParams.get('q')).toBe('a|b[0-9]');
    expect(url.searchParams.get('regex')).toBe('true');
    expect(url.searchParams.get('source')).toBe('orders');
    expect(url.searchParams.get('before')).toBe('42');
    expect(url.searchParams.get('from')).toBe('-15m');
    expect(url.searchParams.has('after')).toBe(false);
  });

  it('gives the reason of a 400', async () => {
    const { api } = fake({ 'api/entries': [400, { status: 400, error: "level 'LOUD' is not one of TRACE" }] });
    expect(await api.entries(new URLSearchParams('level=LOUD'))).toEqual({ ok: false, status: 400, error: "level 'LOUD' is not one of TRACE" });
  });

  it('marks the timeline, the facets and the context as missing when the viewer answers 404', async () => {
    const { api } = fake({});
    expect(api.supports('histogram')).toBe(true);
    expect((await api.histogram(new URLSearchParams(), 60)).ok).toBe(false);
    expect((await api.fields(new URLSearchParams())).ok).toBe(false);
    expect((await api.context(7, 20)).ok).toBe(false);
    expect(api.supports('histogram')).toBe(false);
    expect(api.supports('fields')).toBe(false);
    expect(api.supports('context')).toBe(false);
  });

  it('keeps a feature on a passing error (a 500 or no network)', async () => {
    const { api } = fake({ 'api/histogram': [500, { error: 'store busy' }] });
    expect(await api.histogram(new URLSearchParams(), 10)).toEqual({ ok: false, status: 500, error: 'store busy' });
    expect(api.supports('histogram')).toBe(true);
    const offline = new Api(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline.fields(new URLSearchParams())).toEqual({ ok: false, status: 0, error: 'Failed to fetch' });
    expect(offline.supports('fields')).toBe(true);
  });

  it('reads histogram buckets with counts by level', async () => {
    const { api, asked } = fake({
      'api/histogram': [
        200,
        {
          buckets: [
            { start: '2026-01-01T10:00:00Z', end: '2026-01-01T10:01:00Z', counts: { INFO: 5, ERROR: 1 } },
            { from: '2026-01-01T10:01:00Z', levels: { WARN: 2 } },
            { nonsense: true },
          ],
        },
      ],
    });
    const result = await api.histogram(new URLSearchParams('level=INFO'), 60);
    expect(result).toEqual({
      ok: true,
      value: [
        { start: '2026-01-01T10:00:00Z', end: '2026-01-01T10:01:00Z', counts: { INFO: 5, ERROR: 1 } },
        { start: '2026-01-01T10:01:00Z', end: null, counts: { WARN: 2 } },
      ],
    });
    expect(asked[0]).toBe('api/histogram?level=INFO&buckets=60');
  });

  it('reads facets as values with counts, most frequent first, whatever the layout', async () => {
    const { api } = fake({
      'api/fields': [
        200,
        {
          logger: [
            { value: 'a.B', count: 2 },
            { value: 'a.C', count: 9 },
          ],
          'mdc.traceId': [['t1', 3]],
          thread: { main: 4 },
        },
      ],
    });
    const result = await api.fields(new URLSearchParams());
    expect(result.ok && result.value).toEqual({
      logger: [
        { value: 'a.C', count: 9 },
        { value: 'a.B', count: 2 },
      ],
      'mdc.traceId': [{ value: 't1', count: 3 }],
      thread: [{ value: 'main', count: 4 }],
    });
  });

  it('reads the context as a list, or as before/entry/after', async () => {
    const { api, asked } = fake({ 'api/entries/5/context': [200, { before: [entry(4)], entry: entry(5), after: [entry(6)] }] });
    const result = await api.context(5, 10);
    expect(result.ok && result.value.map((e) => e.id)).toEqual([4, 5, 6]);
    expect(asked[0]).toBe('api/entries/5/context?lines=10');
    expect(api.supports('context')).toBe(true);
  });
});
