import type { FilterState } from './filters';
import { groupByApp, healthText, type SourceHealth, sourceHealth } from './sources';
import type { SourceRow } from './types';

const RANK: Record<SourceHealth, number> = { live: 0, restarted: 1, quiet: 2, gone: 3 };

/**
 * The apps of /api/sources and their instances (host, pid), each with a health mark, its rate
 * and what it lost. A click shows only that app or instance, shift-click hides it, and a
 * second click takes the filter back.
 */
export class SourcesPanel {
  constructor(
    private readonly container: HTMLElement,
    pick: (value: string, exclude: boolean) => void,
  ) {
    container.addEventListener('click', (event) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-source]');
      if (row) pick(row.dataset.source!, event.shiftKey);
    });
  }

  render(rows: readonly SourceRow[], filter: FilterState, now: number): void {
    const doc = this.container.ownerDocument;
    const items: HTMLElement[] = [];
    for (const { app, instances } of groupByApp(rows)) {
      const healths = instances.map((row) => sourceHealth(row, rows, now));
      const best = healths.reduce<SourceHealth>((a, b) => (RANK[b] < RANK[a] ? b : a), 'gone');
      const rate = instances.reduce((sum, row) => sum + (row.rate ?? 0), 0);
      const lost = instances.reduce((sum, row) => sum + (row.lost ?? 0), 0);
      const evicted = app.startsWith('(');
      items.push(this.line(doc, 'src-app', evicted ? null : app, app, best, rate, lost, filter));
      instances.forEach((row, i) => {
        const where = [row.host, row.pid].filter((v) => v !== null && v !== undefined && v !== '').join(':') || row.instance || '?';
        const line = this.line(doc, 'src-instance', evicted ? null : row.instance, where, healths[i], row.rate ?? 0, row.lost ?? 0, filter);
        line.title = `${row.app ?? ''} on ${where}\ninstance ${row.instance ?? '?'}\n${healthText(healths[i])}\nfirst seen ${row.firstSeen}, last seen ${row.lastSeen}\n${(row.received ?? 0).toLocaleString('en')} received${row.restartOf ? `\nrestart of ${row.restartOf}` : ''}\nclick: show only; shift-click: hide`;
        items.push(line);
      });
    }
    if (items.length === 0) {
      const empty = doc.createElement('div');
      empty.className = 'src-empty';
      empty.textContent = 'No source yet.';
      items.push(empty);
    }
    this.container.replaceChildren(...items);
  }

  private line(
    doc: Document,
    className: string,
    value: string | null,
    name: string,
    health: SourceHealth,
    rate: number,
    lost: number,
    filter: FilterState,
  ): HTMLElement {
    const line = doc.createElement('div');
    line.className = className;
    if (value) {
      line.dataset.source = value;
      line.dataset.testid = className;
      if (filter.sources.includes(value)) line.classList.add('selected');
      if (filter.notSources.includes(value)) line.classList.add('excluded');
    }
    line.dataset.health = health;
    const mark = doc.createElement('span');
    mark.className = `health health-${health}`;
    mark.textContent = health === 'restarted' ? '↻' : '●';
    mark.title = healthText(health);
    const label = doc.createElement('span');
    label.className = 'name';
    label.textContent = name;
    const rateText = doc.createElement('span');
    rateText.className = 'rate';
    rateText.textContent = `${rate >= 10 ? Math.round(rate).toLocaleString('en') : rate.toFixed(1)}/s`;
    line.append(mark, label, rateText);
    if (lost > 0) {
      const lostText = doc.createElement('span');
      lostText.className = 'lost';
      lostText.textContent = `${lost.toLocaleString('en')} lost`;
      line.append(lostText);
    }
    return line;
  }
}
