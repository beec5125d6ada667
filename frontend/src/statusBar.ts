import type { ConnectionStatus } from './connection';
import type { Stats } from './types';

const STATUS_TEXT: Record<ConnectionStatus, string> = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting', closed: 'closed' };

export function renderStatus(element: HTMLElement, status: ConnectionStatus, detail?: string): void {
  element.dataset.status = status;
  element.textContent = STATUS_TEXT[status] + (detail ? ` (${detail})` : '');
}

/** The viewer's counters: what was lost on the way (with the sources in the tooltip), the rate, what was received. */
export function renderStats(lostElement: HTMLElement, rateElement: HTMLElement, stats: Stats): void {
  const lost = stats.lost ?? 0;
  lostElement.hidden = !(lost > 0);
  lostElement.textContent = `${lost.toLocaleString('en')} lost`;
  const bySource = Object.entries(stats.lostBySource ?? {}).map(([source, count]) => `${source}: ${count}`);
  lostElement.title = `Entries lost on the way (gaps in publishers' sequence numbers)${bySource.length ? `\n${bySource.join('\n')}` : ''}`;
  rateElement.textContent = `${Math.round(stats.rate ?? 0).toLocaleString('en')}/s · ${(stats.received ?? 0).toLocaleString('en')} received${viewerLosses(stats)}`;
}

/** What the viewer itself let go, each part only when it happened: rejected, dropped on a full receive queue, not stored. */
export function viewerLosses(stats: Stats): string {
  const parts: string[] = [];
  if (stats.rejected) {
    parts.push(`${stats.rejected.toLocaleString('en')} rejected`);
  }
  const dropped = stats.receiveBufferFull?.messages ?? 0;
  if (dropped > 0) {
    parts.push(`${dropped.toLocaleString('en')} dropped (receive buffer full)`);
  }
  const notStored = stats.store?.notStored ?? 0;
  if (notStored > 0) {
    parts.push(`${notStored.toLocaleString('en')} not stored`);
  }
  return parts.map((part) => ` · ${part}`).join('');
}
