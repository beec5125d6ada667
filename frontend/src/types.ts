/** An entry as the viewer sends it (PRODUCT.md §5). */
export interface Source {
  app?: string | null;
  host?: string | null;
  pid?: number | null;
  instance?: string | null;
}

export interface Entry {
  id: number;
  time: string;
  topic: string;
  level: string | null;
  logger: string | null;
  message: string;
  exception: string | null;
  thread?: string | null;
  mdc?: Record<string, string> | null;
  seq?: number | null;
  source?: Source | null;
  kind?: string;
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
  /** Peers cut off for what they sent on the wire, by reason (malformed-frame-size, ...). */
  refusedPeers?: Record<string, number>;
}
