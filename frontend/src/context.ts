import type { Api } from './api';
import type { Entry } from './types';

export interface Context {
  entries: Entry[];
  /** Whether the viewer's context endpoint answered, or the page built it from before/after pages. */
  via: 'context' | 'paging';
}

/**
 * The lines around an entry from its source: GET /api/entries/{id}/context, or where the
 * viewer has none yet, a page before and a page after the entry with its source as filter.
 */
export async function loadContext(api: Api, entry: Entry, lines: number): Promise<Context | { error: string }> {
  if (api.supports('context')) {
    const result = await api.context(entry.id, lines);
    if (result.ok) return { entries: withEntry(result.value, entry), via: 'context' };
    if (api.supports('context')) return { error: result.error };
  }
  const filters = new URLSearchParams();
  const source = entry.source?.instance ?? entry.source?.app;
  if (source) filters.set('source', source);
  const [before, after] = await Promise.all([
    api.entries(filters, { before: entry.id, limit: lines }),
    api.entries(filters, { after: entry.id, limit: lines }),
  ]);
  if (!before.ok) return { error: before.error };
  if (!after.ok) return { error: after.error };
  return { entries: withEntry([...before.value, ...after.value], entry), via: 'paging' };
}

/** The entries in id order, the entry itself among them once. */
function withEntry(list: Entry[], entry: Entry): Entry[] {
  const byId = new Map(list.map((e) => [e.id, e]));
  if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * The context as rows of the list, in id order (the order the viewer received them), the
 * entry it was opened on among them: the list shows these in place of the filtered view.
 */
export class ContextRows {
  private readonly anchorIndex: number;

  constructor(
    readonly anchor: Entry,
    private readonly list: readonly Entry[],
  ) {
    this.anchorIndex = list.findIndex((e) => e.id === anchor.id);
  }

  get length(): number {
    return this.list.length;
  }

  entry(index: number): Entry | undefined {
    return this.list[index];
  }

  /** Where the entry it was opened on is. */
  get indexOfAnchor(): number {
    return this.anchorIndex;
  }

  /** The row's mark: every row is context, the entry it was opened on stands out. */
  mark(entry: Entry): string {
    return entry.id === this.anchor.id ? 'context-row context-anchor' : 'context-row';
  }

  *entries(): IterableIterator<Entry> {
    yield* this.list;
  }
}
