import type { FieldValue } from './api';
import type { Entry } from './types';

export interface Facets {
  /** Entries per level. */
  levels: Record<string, number>;
  /** The top values of each field by its filter name (source, logger, thread, mdc.KEY), most frequent first. */
  fields: Record<string, FieldValue[]>;
  /** How many entries were counted. */
  counted: number;
}

const MAX_MDC_KEYS = 12;

/** Counts levels and the values of source, logger, thread and every MDC key over some entries. */
export function countFacets(entries: Iterable<Entry>, top = 5): Facets {
  const levels: Record<string, number> = {};
  const tables = new Map<string, Map<string, number>>();
  const bump = (field: string, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return;
    let table = tables.get(field);
    if (!table) {
      if (field.startsWith('mdc.') && tables.size >= 3 + MAX_MDC_KEYS) return;
      table = new Map();
      tables.set(field, table);
    }
    table.set(value, (table.get(value) ?? 0) + 1);
  };
  let counted = 0;
  for (const entry of entries) {
    if (entry.lost !== undefined) continue;
    counted++;
    const level = entry.level ?? 'NONE';
    levels[level] = (levels[level] ?? 0) + 1;
    bump('source', entry.source?.app);
    bump('logger', entry.logger);
    bump('thread', entry.thread);
    for (const key in entry.mdc) bump(`mdc.${key}`, entry.mdc[key]);
  }
  const fields: Record<string, FieldValue[]> = {};
  for (const [field, table] of tables) {
    fields[field] = [...table]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, top);
  }
  return { levels, fields, counted };
}

/** The viewer's /api/fields in the page's field names (source.app is what the source filter takes). */
export function serverFacets(fields: Record<string, FieldValue[]>, top = 5): Record<string, FieldValue[]> {
  const out: Record<string, FieldValue[]> = {};
  for (const [name, values] of Object.entries(fields)) {
    const field = name === 'source.app' || name === 'app' ? 'source' : name.startsWith('mdc.') || ['logger', 'thread'].includes(name) ? name : `mdc.${name}`;
    out[field] = values.slice(0, top);
  }
  return out;
}

/** Fields in the order the panel shows them: source, logger, thread, then MDC keys by name. */
export function fieldOrder(fields: Record<string, unknown>): string[] {
  const fixed = ['source', 'logger', 'thread'].filter((f) => f in fields);
  return [
    ...fixed,
    ...Object.keys(fields)
      .filter((f) => f.startsWith('mdc.'))
      .sort(),
  ];
}
