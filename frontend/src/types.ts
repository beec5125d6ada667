/** An entry as the viewer sends it (PRODUCT.md §5). */
export interface Source {
  app?: string | null;
  host?: string | null;
  pid?: number | null;
  instance?: string | null;
}

export type Level = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

export type Kind = 'STRUCTURED' | 'TEXT' | 'PLAIN' | 'RAW';

/** Keys in the order the viewer writes them (EntryJson.FIELDS; EntryShapeTest checks this). */
export interface Entry {
  id: number;
  time: string;
  received: string;
  topic: string;
  level: Level | null;
  logger: string | null;
  thread: string | null;
  message: string;
  exception: string | null;
  mdc: Record<string, string>;
  markers: string[];
  seq: number | null;
  source: Source | null;
  kind: Kind;
}

export type Frame =
  | { type: 'hello'; instance: string }
  | { type: 'entries'; entries: Entry[] }
  | { type: 'skipped'; count: number };

export interface TopicCount {
  topic: string;
  count: number;
}

export interface Stats {
  received: number;
  rejected: number;
  raw: number;
  lost: number;
  lostBySource?: Record<string, number>;
  rate: number;
  history: number;
  historyCapacity: number;
  browsers: number;
  lastRejection?: string | null;
}
