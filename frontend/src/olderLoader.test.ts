import { describe, expect, it } from 'vitest';
import { Api } from './api';
import { OlderLoader } from './olderLoader';
import { entries } from './testEntries';

function fakeApi(pages: Record<string, unknown>) {
  const asked: string[] = [];
  const api = new Api(async (input: string) => {
    asked.push(input);
    const before = new URL(input, 'http://x/').searchParams.get('before')!;
    return new Response(JSON.stringify(pages[before] ?? []), { status: 200 });
  });
  return { api, asked };
}

describe('OlderLoader', () => {
  it('asks for the page before the oldest id with the filters, and stops at the start of history', async () => {
    const { api, asked } = fakeApi({ '101': entries(51, 100), '51': entries(1, 50).slice(10) });
    const loader = new OlderLoader(api, 50);
    const first = await loader.load(101, new URLSearchParams('level=WARN'));
    expect(first!.map((e) => e.id).slice(0, 2)).toEqual([51, 52]);
    expect(asked[0]).toBe('api/entries?level=WARN&before=101&limit=50');
    expect(loader.atStart).toBe(false);
    // a marker's id sorts between two entries: the request names the entry after it
    await loader.load(50.5, new URLSearchParams());
    expect(asked[1]).toBe('api/entries?before=51&limit=50');
    expect(loader.atStart).toBe(true);
    expect(await loader.load(11, new URLSearchParams())).toBeNull();
    expect(asked).toHaveLength(2);
  });

  it('asks once at a time, and drops an answer that a filter change made stale', async () => {
    let release: () => void = () => {};
    const api = new Api(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return new Response(JSON.stringify(entries(1, 5)), { status: 200 });
    });
    const loader = new OlderLoader(api, 5);
    const pending = loader.load(6, new URLSearchParams());
    expect(await loader.load(6, new URLSearchParams())).toBeNull();
    loader.reset();
    release();
    expect(await pending).toBeNull();
    expect(loader.loading).toBe(false);
  });

  it('asks for the page after the newest id, and says whether it reached the newest entry stored', async () => {
    const asked: string[] = [];
    const api = new Api(async (input: string) => {
      asked.push(input);
      const after = Number(new URL(input, 'http://x/').searchParams.get('after'));
      return new Response(JSON.stringify(entries(after + 1, Math.min(after + 3, 107))), { status: 200 });
    });
    const loader = new OlderLoader(api, 3);
    expect(await loader.loadNewer(100.5, new URLSearchParams('q=x'))).toMatchObject({ complete: false });
    expect(asked[0]).toBe('api/entries?q=x&after=100&limit=3');
    const last = await loader.loadNewer(104, new URLSearchParams());
    expect(last!.entries.map((e) => e.id)).toEqual([105, 106, 107]);
    expect(last!.complete).toBe(false);
    expect((await loader.loadNewer(107, new URLSearchParams()))!.complete).toBe(true);
  });

  it('has history before the oldest again once newer pages evicted it', async () => {
    const api = new Api(async () => new Response(JSON.stringify([]), { status: 200 }));
    const loader = new OlderLoader(api, 3);
    await loader.load(5, new URLSearchParams());
    expect(loader.atStart).toBe(true);
    loader.reopen();
    expect(loader.atStart).toBe(false);
  });
});
