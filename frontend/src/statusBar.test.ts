// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderStats, viewerLosses } from './statusBar';
import type { Stats, StoreStats } from './types';

function stats(overrides: Partial<Stats> = {}): Stats {
  return { received: 1200, rejected: 0, raw: 0, lost: 0, rate: 20, history: 0, historyCapacity: 0, browsers: 1, ...overrides };
}

describe('status bar', () => {
  it('names no loss of the viewer when there is none', () => {
    expect(viewerLosses(stats({ receiveBufferFull: { messages: 0, bytes: 0 } }))).toBe('');
  });

  it('names what the viewer rejected, dropped on a full receive queue and did not store', () => {
    const store = { notStored: 3 } as StoreStats;
    expect(viewerLosses(stats({ rejected: 2, receiveBufferFull: { messages: 1500, bytes: 1 << 30 }, store }))).toBe(
      ' · 2 rejected · 1,500 dropped (receive buffer full) · 3 not stored',
    );
  });

  it('writes the rate, what was received and the losses', () => {
    const lost = document.createElement('span');
    const rate = document.createElement('span');
    renderStats(lost, rate, stats({ receiveBufferFull: { messages: 7, bytes: 7 << 20 } }));
    expect(rate.textContent).toBe('20/s · 1,200 received · 7 dropped (receive buffer full)');
    expect(lost.hidden).toBe(true);
  });
});
