// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from './filters';
import { SourcesPanel } from './sourcesPanel';
import type { SourceRow } from './types';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const row = (fields: Partial<SourceRow>): SourceRow => ({
  app: 'orders',
  host: 'web-1',
  pid: 7,
  instance: 'o-1',
  firstSeen: ago(3_600_000),
  lastSeen: ago(1_000),
  received: 10,
  lost: 0,
  rate: 12.4,
  restartOf: null,
  ...fields,
});

describe('SourcesPanel', () => {
  it('lists apps and their instances with health, rate and loss, marking the filtered ones', () => {
    const container = document.createElement('div');
    const panel = new SourcesPanel(container, () => {});
    panel.render(
      [row({}), row({ instance: 'o-2', host: 'web-2', lost: 1234, lastSeen: ago(120_000), rate: 0 }), row({ app: 'web', instance: 'w-1', rate: 3 })],
      { ...NO_FILTER, sources: ['o-2'], notSources: ['web'] },
      NOW,
    );
    const lines = [...container.children].map((line) => [line.className, (line as HTMLElement).dataset.health, line.textContent]);
    expect(lines).toEqual([
      ['src-app', 'live', '●orders12/s1,234 lost'],
      ['src-instance', 'live', '●web-1:712/s'],
      ['src-instance selected', 'quiet', '●web-2:70.0/s1,234 lost'],
      ['src-app excluded', 'live', '●web3.0/s'],
      ['src-instance', 'live', '●web-1:73.0/s'],
    ]);
  });

  it('filters by a clicked app or instance, and excludes on shift-click', () => {
    const container = document.createElement('div');
    const picked: Array<[string, boolean]> = [];
    const panel = new SourcesPanel(container, (value, exclude) => picked.push([value, exclude]));
    panel.render([row({})], NO_FILTER, NOW);
    container.querySelector<HTMLElement>('.src-app .name')!.click();
    container.querySelector<HTMLElement>('.src-instance')!.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    expect(picked).toEqual([
      ['orders', false],
      ['o-1', true],
    ]);
  });
});
