/** An entry as the viewer sends it (PRODUCT.md §5). */
export interface Source {
  app?: string | null;
  host?: string | null;
  pid?: number | null;
  instance?: string | null;
}

export type Level = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

export type Kind = 'STRUCTURED' | 'TEXT' | 'PLAIN' | 'RAW';

/** An entry as the viewer writes it, keys in its order (EntryJson.FIELDS; EntryShapeTest checks this). */
export interface ViewerEntry {
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

/** An entry of the page: one the viewer wrote, or (with `lost`) the page's own marker row of entries a source lost before the next one. */
export interface Entry extends ViewerEntry {
  lost?: number;
}

export type Frame = { type: 'hello'; instance: string } | { type: 'entries'; entries: Entry[] } | { type: 'skipped'; count: number };

export interface TopicCount {
  topic: string;
  /** The app (source.app) of the entries on it; null for entries without one; absent from older viewers. */
  app?: string | null;
  count: number;
}

export interface SubscriberState {
  receiving: boolean;
  restarts: number;
  failures: number;
  lastFailure: { time: string; error: string } | null;
}

/** GET /api/stats (README, HTTP API). */
export interface Stats {
  received: number;
  rejected: number;
  rejectedByReason?: Record<string, number>;
  raw: number;
  lost: number;
  lostBySource?: Record<string, number>;
  rate: number;
  history: number;
  historyCapacity: number;
  historyBytes?: number;
  historyMaxBytes?: number;
  topicsBytes?: number;
  sourcesBytes?: number;
  browsers: number;
  lastRejection?: string | null;
  /** Peers cut off for what they sent on the wire, by reason (malformed-frame-size, ...). */
  refusedPeers?: Record<string, number>;
  /** Messages dropped whole because the subscriber's receive queue held `receive-buffer` bytes. */
  receiveBufferFull?: { messages: number; bytes: number };
  filterTimeouts?: number;
  subscriber?: SubscriberState;
  store?: StoreStats;
}

/** The history store in GET /api/stats. */
export interface StoreStats {
  type: 'embedded' | 'jdbc' | 'memory';
  bytes: number;
  entries: number;
  oldest: string | null;
  stored: number;
  /** Entries not stored: the store fell behind or failed. */
  notStored: number;
  queuedBytes: number;
  /** ISO-8601 duration, e.g. PT0.2S. */
  writeLag: string;
  committedId: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** GET /api/histogram. */
export interface Histogram {
  from: string;
  to: string;
  /** ISO-8601 duration of each bucket. */
  interval: string;
  buckets: Array<{ start: string; total: number; levels: Partial<Record<Level | 'NONE', number>> }>;
  complete: boolean;
}

/** GET /api/fields: the most frequent values of logger, thread, source.app and mdc.KEY. */
export interface Fields {
  sampled: number;
  complete: boolean;
  fields: Record<string, Array<{ value: string; count: number }>>;
}

/** A row of GET /api/sources. */
export interface SourceRow {
  app: string | null;
  host: string | null;
  pid: number | null;
  instance: string | null;
  firstSeen: string;
  lastSeen: string;
  received: number;
  lost: number;
  rate: number;
  restartOf: string | null;
}
