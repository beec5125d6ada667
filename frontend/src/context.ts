import type { Api } from './api';
import { lineCount } from './format';
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

/** The context as lines (time, level, first line of the message), the entry marked; a click on a line picks it. */
export function renderContext(
  container: HTMLElement,
  context: Context,
  around: Entry,
  labels: { time(entry: Entry): string; source: string },
  pick: (entry: Entry) => void,
): void {
  const doc = container.ownerDocument;
  const title = doc.createElement('div');
  title.className = 'context-title';
  title.textContent = `${context.entries.length - 1} lines around #${around.id} from ${labels.source || 'its source'}`;
  const lines = context.entries.map((entry) => {
    const line = doc.createElement('div');
    line.className = `context-line level-${entry.level ?? 'NONE'}${entry.id === around.id ? ' current' : ''}`;
    line.dataset.id = String(entry.id);
    const time = doc.createElement('span');
    time.className = 'c-time';
    time.textContent = labels.time(entry);
    const level = doc.createElement('span');
    level.className = 'c-level';
    level.textContent = entry.level ?? '';
    const message = doc.createElement('span');
    message.className = 'c-msg';
    const text = entry.message ?? '';
    const newline = text.indexOf('\n');
    message.textContent = newline < 0 ? text : text.slice(0, newline);
    if (lineCount(entry) > 1) message.title = `${lineCount(entry)} lines`;
    line.append(time, level, message);
    line.addEventListener('click', () => pick(entry));
    return line;
  });
  container.replaceChildren(title, ...lines);
}
