import type { Entry } from './types';

/** An entry for tests; fields not given take plain defaults. */
export function entry(id: number, fields: Partial<Entry> = {}): Entry {
  return {
    id,
    time: `2026-01-01T10:00:00.${String(id % 1000).padStart(3, '0')}Z`,
    received: `2026-01-01T10:00:00.${String(id % 1000).padStart(3, '0')}Z`,
    topic: 'app.INFO',
    level: 'INFO',
    logger: 'com.example.Service',
    thread: null,
    message: `message ${id}`,
    exception: null,
    mdc: {},
    markers: [],
    seq: null,
    source: null,
    kind: 'TEXT',
    ...fields,
  };
}

export function entries(from: number, to: number, fields: Partial<Entry> = {}): Entry[] {
  const list: Entry[] = [];
  for (let id = from; id <= to; id++) list.push(entry(id, fields));
  return list;
}
