import type { Entry, Source, SourceRow } from './types';

export type SourceHealth = 'live' | 'quiet' | 'gone' | 'restarted';

/** Seen within this long: live. */
const LIVE_MS = 15_000;
/** Seen within this long: quiet; beyond it, gone. */
const QUIET_MS = 5 * 60_000;
/** A new instance of an app on the same host counts as restarted for this long. */
const RESTART_MS = 10 * 60_000;

/**
 * A source's health from its row: restarted (a new instance of the same app and host,
 * recently), live (seen lately), quiet, or gone (long unseen, or replaced by a newer instance).
 */
export function sourceHealth(row: SourceRow, rows: readonly SourceRow[], now: number): SourceHealth {
  const last = Date.parse(row.lastSeen);
  const first = Date.parse(row.firstSeen);
  if (row.instance && rows.some((other) => other !== row && other.restartOf === row.instance)) return 'gone';
  if (!(now - last < QUIET_MS)) return 'gone';
  if (row.restartOf && now - first < RESTART_MS) return 'restarted';
  return now - last < LIVE_MS ? 'live' : 'quiet';
}

const HEALTH_TEXT: Record<SourceHealth, string> = {
  live: 'live: sending now',
  quiet: 'quiet: nothing for a while',
  gone: 'gone: long unseen, or replaced by a newer instance',
  restarted: 'restarted: a new instance of this app on this host',
};

export function healthText(health: SourceHealth): string {
  return HEALTH_TEXT[health];
}

/** The key of a publisher instance. */
export function instanceKey(source: Source): string {
  return source.instance ?? `${source.app ?? ''}|${source.host ?? ''}|${source.pid ?? ''}`;
}

interface AppInstances {
  keys: Set<string>;
  hosts: Set<string>;
}

/**
 * Names sources as rows show them: the app alone while it has one instance, and with what
 * tells its instances apart (host, else pid, else the instance id) once it has several.
 * Learns instances from /api/sources and from the entries themselves.
 */
export class SourceNames {
  private apps = new Map<string, AppInstances>();
  private seen = new WeakSet<Source>();
  private labels = new WeakMap<Source, string>();
  private changes = 0;

  /** Grows whenever a label may have changed (an app got a second instance). */
  get version(): number {
    return this.changes;
  }

  learnRows(rows: readonly SourceRow[]): void {
    for (const row of rows) if (row.app && row.instance) this.learn(row);
  }

  /** Cheap for the repeated source objects that SharedValues hands out. */
  learnEntry(entry: Entry): void {
    const source = entry.source;
    if (!source || this.seen.has(source)) return;
    this.seen.add(source);
    if (source.app) this.learn(source);
  }

  private learn(source: Source): void {
    const app = source.app!;
    let instances = this.apps.get(app);
    if (!instances) {
      instances = { keys: new Set(), hosts: new Set() };
      this.apps.set(app, instances);
    }
    const key = instanceKey(source);
    if (instances.keys.has(key)) return;
    instances.keys.add(key);
    if (source.host) instances.hosts.add(source.host);
    if (instances.keys.size === 2) {
      this.changes++;
      this.labels = new WeakMap();
    }
  }

  /** How many instances of an app are known. */
  instanceCount(app: string): number {
    return this.apps.get(app)?.keys.size ?? 0;
  }

  label(source: Source | null): string {
    if (!source) return '';
    let label = this.labels.get(source);
    if (label === undefined) {
      label = this.compute(source);
      this.labels.set(source, label);
    }
    return label;
  }

  /** The filter value for a source as labelled: the app while it has one instance, else the instance. */
  filterValue(source: Source | null): string | null {
    if (!source) return null;
    if (source.app && (this.instanceCount(source.app) <= 1 || !source.instance)) return source.app;
    return source.instance ?? source.app ?? null;
  }

  private compute(source: Source): string {
    const app = source.app ?? source.host ?? source.instance ?? '';
    if (!source.app) return app;
    const instances = this.apps.get(source.app);
    if (!instances || instances.keys.size <= 1) return app;
    if (source.host && instances.hosts.size === instances.keys.size) return `${app}@${source.host}`;
    if (source.pid !== null && source.pid !== undefined) return `${app}@${source.host ? `${source.host}:` : ''}${source.pid}`;
    return `${app}@${(source.instance ?? '').slice(0, 8)}`;
  }
}

/** The apps of /api/sources, each with its instances, most recently seen first. */
export function groupByApp(rows: readonly SourceRow[]): Array<{ app: string; instances: SourceRow[] }> {
  const groups = new Map<string, SourceRow[]>();
  for (const row of rows) {
    const app = row.app ?? '(no app)';
    const list = groups.get(app) ?? [];
    list.push(row);
    groups.set(app, list);
  }
  return [...groups].map(([app, instances]) => ({ app, instances }));
}

/**
 * Gaps in each source's `seq`: an entry whose number jumps past the next one expected gets a
 * marker before it ("12 lost from orders@web-2"). Only sound while the stream is unfiltered
 * (a filtered stream skips numbers by design) and unbroken (skipped entries are not lost ones).
 */
export class LossTracker {
  private last = new Map<string, number>();

  reset(): void {
    this.last.clear();
  }

  /** The batch with a marker entry before each entry that follows a gap. */
  mark(entries: readonly Entry[], label: (source: Source | null) => string): Entry[] {
    let out: Entry[] | null = null;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const gap = this.gapBefore(entry);
      if (gap > 0) {
        out ??= entries.slice(0, i);
        out.push(lossMarker(entry, gap, label(entry.source)));
      }
      out?.push(entry);
    }
    return out ?? (entries as Entry[]);
  }

  private gapBefore(entry: Entry): number {
    if (entry.seq === null || entry.seq === undefined || !entry.source) return 0;
    const key = instanceKey(entry.source);
    const last = this.last.get(key);
    if (last === undefined || entry.seq > last) this.last.set(key, entry.seq);
    if (last === undefined || entry.seq <= last + 1) return 0;
    return entry.seq - last - 1;
  }
}

/** A row that stands for entries lost before `next`; its id sorts just before next's. */
function lossMarker(next: Entry, lost: number, source: string): Entry {
  return {
    id: next.id - 0.5,
    time: next.time,
    received: next.received,
    topic: next.topic,
    level: null,
    logger: null,
    thread: null,
    message: `${lost.toLocaleString('en')} lost from ${source || 'a source'}`,
    exception: null,
    mdc: {},
    markers: [],
    seq: null,
    source: next.source,
    kind: 'RAW',
    lost,
  };
}
