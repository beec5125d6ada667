import { Backoff } from './backoff';
import type { Entry, Frame } from './types';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** The part of WebSocket this module uses, so tests can stand in for it. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface StreamHandlers {
  entries(entries: Entry[]): void;
  skipped(count: number): void;
  /** The viewer is another run than the one this page streamed from: its ids start afresh. */
  restarted?(): void;
  status(status: ConnectionStatus, detail?: string): void;
}

export interface StreamOptions {
  /** The stream URL for the current filters, resuming after an id when one is given. */
  url(after: number | undefined): string;
  /** The last id this page holds, or -1. */
  lastId(): number;
  open?: (url: string) => SocketLike;
  backoff?: Backoff;
  schedule?: (callback: () => void, delay: number) => unknown;
  cancel?: (handle: unknown) => void;
}

const utf8 = new TextDecoder();

/** A frame: text, or (entries and notices) binary frames of UTF-8 JSON text, which the viewer writes once for every page. */
export function parseFrame(data: unknown): Frame | null {
  let text: string;
  if (typeof data === 'string') text = data;
  else if (data instanceof ArrayBuffer) text = utf8.decode(data);
  else return null;
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return null;
  }
  if (!frame || typeof frame !== 'object') return null;
  const f = frame as { type?: unknown; entries?: unknown; count?: unknown; instance?: unknown };
  if (f.type === 'hello' && typeof f.instance === 'string') return { type: 'hello', instance: f.instance };
  if (f.type === 'entries' && Array.isArray(f.entries)) return { type: 'entries', entries: f.entries as Entry[] };
  if (f.type === 'skipped' && typeof f.count === 'number') return { type: 'skipped', count: f.count };
  return null;
}

/**
 * The live stream: one WebSocket at a time, reopened with backoff after it closes, resuming
 * after the last id held so nothing comes twice and a gap is reported as skipped.
 */
export class StreamConnection {
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private stopped = true;
  private readonly backoff: Backoff;
  private readonly open: (url: string) => SocketLike;
  private readonly schedule: (callback: () => void, delay: number) => unknown;
  private readonly cancel: (handle: unknown) => void;
  /** The viewer run the held ids come from, as its greeting named it. */
  private instance: string | undefined;

  constructor(
    private readonly options: StreamOptions,
    private readonly handlers: StreamHandlers,
  ) {
    this.backoff = options.backoff ?? new Backoff();
    this.open =
      options.open ??
      ((url) => {
        const socket = new WebSocket(url);
        socket.binaryType = 'arraybuffer';
        return socket as unknown as SocketLike;
      });
    this.schedule = options.schedule ?? ((callback, delay) => setTimeout(callback, delay));
    this.cancel = options.cancel ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** Connects; `fresh` asks for the backlog again instead of resuming (a filter changed). */
  start(fresh = false): void {
    this.stop();
    this.stopped = false;
    this.backoff.reset();
    this.connect(fresh, 'connecting');
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.cancel(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close();
    }
  }

  private connect(fresh: boolean, status: ConnectionStatus): void {
    this.timer = null;
    const lastId = this.options.lastId();
    const resuming = !fresh && lastId >= 0;
    const url = this.options.url(resuming ? lastId : undefined);
    // an id means something only to the viewer run that gave it out
    const socket = this.open(resuming && this.instance ? withInstance(url, this.instance) : url);
    this.socket = socket;
    this.handlers.status(status);
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.backoff.reset();
      this.handlers.status('live');
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === 'hello') {
        if (this.instance !== undefined && frame.instance !== this.instance) this.handlers.restarted?.();
        this.instance = frame.instance;
      } else if (frame.type === 'entries') this.handlers.entries(frame.entries);
      else this.handlers.skipped(frame.count);
    };
    socket.onerror = () => {};
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      const delay = this.backoff.next();
      const why = event?.reason ? `${event.reason}; ` : '';
      this.handlers.status('reconnecting', `${why}retry in ${Math.ceil(delay / 1000)} s`);
      this.timer = this.schedule(() => this.connect(false, 'reconnecting'), delay);
    };
  }
}

function withInstance(url: string, instance: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}instance=${encodeURIComponent(instance)}`;
}
