import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { type SocketLike, StreamConnection, parseFrame } from './connection';
import type { Entry } from './types';

class FakeSocket implements SocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ callback: () => void; delay: number }> = [];
  const received: Entry[] = [];
  const statuses: string[] = [];
  const skipped: number[] = [];
  const restarts: number[] = [];
  let lastId = -1;
  const connection = new StreamConnection(
    {
      url: (after) => `ws://h/api/stream${after === undefined ? '' : `?after=${after}`}`,
      lastId: () => lastId,
      open: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      backoff: new Backoff(100, 1000, () => 1),
      schedule: (callback, delay) => timers.push({ callback, delay }),
      cancel: () => {},
    },
    {
      entries: (list) => {
        received.push(...list);
        lastId = list[list.length - 1].id;
      },
      skipped: (count) => skipped.push(count),
      status: (status) => statuses.push(status),
      restarted: () => restarts.push(1),
    },
  );
  return { connection, sockets, timers, received, statuses, skipped, restarts };
}

describe('StreamConnection', () => {
  it('reconnects with backoff and resumes after the last id', () => {
    const h = harness();
    h.connection.start();
    expect(h.sockets[0].url).toBe('ws://h/api/stream');
    h.sockets[0].onopen!({});
    h.sockets[0].onmessage!({ data: JSON.stringify({ type: 'entries', entries: [{ id: 7 }] }) });
    h.sockets[0].onclose!({});
    expect(h.statuses).toEqual(['connecting', 'live', 'reconnecting']);
    expect(h.timers[0].delay).toBe(100);
    h.timers[0].callback();
    expect(h.sockets[1].url).toBe('ws://h/api/stream?after=7');
    h.sockets[1].onclose!({});
    expect(h.timers[1].delay).toBe(200);
  });

  it('resumes with the instance that gave out the ids, and tells when the viewer is another run', () => {
    const h = harness();
    h.connection.start();
    h.sockets[0].onmessage!({ data: '{"type":"hello","instance":"run-1"}' });
    h.sockets[0].onmessage!({ data: JSON.stringify({ type: 'entries', entries: [{ id: 9 }] }) });
    h.sockets[0].onclose!({});
    h.timers[0].callback();
    expect(h.sockets[1].url).toBe('ws://h/api/stream?after=9&instance=run-1');
    h.sockets[1].onmessage!({ data: '{"type":"hello","instance":"run-1"}' });
    expect(h.restarts).toHaveLength(0);
    h.sockets[1].onclose!({});
    h.timers[1].callback();
    h.sockets[2].onmessage!({ data: '{"type":"hello","instance":"run-2"}' });
    expect(h.restarts).toHaveLength(1);
  });

  it('reports skipped entries', () => {
    const h = harness();
    h.connection.start();
    h.sockets[0].onmessage!({ data: '{"type":"skipped","count":12}' });
    expect(h.skipped).toEqual([12]);
  });

  it('asks afresh when restarted for new filters and ignores the old socket', () => {
    const h = harness();
    h.connection.start();
    h.sockets[0].onmessage!({ data: JSON.stringify({ type: 'entries', entries: [{ id: 3 }] }) });
    h.connection.start(true);
    expect(h.sockets[0].closed).toBe(true);
    expect(h.sockets[1].url).toBe('ws://h/api/stream');
    expect(h.timers).toHaveLength(0);
  });

  it('ignores frames it does not understand', () => {
    expect(parseFrame('not json')).toBeNull();
    expect(parseFrame('{"type":"hello"}')).toBeNull();
    expect(parseFrame(new ArrayBuffer(2))).toBeNull();
  });

  it('reads binary frames as UTF-8 JSON text', () => {
    const bytes = new TextEncoder().encode('{"type":"skipped","count":3}');
    expect(parseFrame(bytes.buffer)).toEqual({ type: 'skipped', count: 3 });
  });
});
