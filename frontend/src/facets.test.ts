// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countFacets, serverFacets } from './facets';
import { FacetsPanel } from './facetsPanel';
import { NO_FILTER } from './filters';
import { entry } from './testEntries';

describe('facets', () => {
  const list = [
    entry(1, { level: 'INFO', logger: 'a.A', mdc: { traceId: 't1', user: 'ada' }, source: { app: 'orders' } }),
    entry(2, { level: 'ERROR', logger: 'a.A', mdc: { traceId: 't1' }, source: { app: 'web' } }),
    entry(3, { level: 'INFO', logger: 'a.B', thread: 'main', source: { app: 'orders' } }),
    { ...entry(4), lost: 5 },
  ];

  it('counts levels and the top values of every field, most frequent first, markers left out', () => {
    const facets = countFacets(list);
    expect(facets.counted).toBe(3);
    expect(facets.levels).toEqual({ INFO: 2, ERROR: 1 });
    expect(facets.fields.source).toEqual([
      { value: 'orders', count: 2 },
      { value: 'web', count: 1 },
    ]);
    expect(facets.fields['mdc.traceId']).toEqual([{ value: 't1', count: 2 }]);
    expect(facets.fields.thread).toEqual([{ value: 'main', count: 1 }]);
  });

  it('reads the viewer fields in the page names', () => {
    expect(Object.keys(serverFacets({ 'source.app': [], logger: [], 'mdc.traceId': [], user: [] }))).toEqual(['source', 'logger', 'mdc.traceId', 'mdc.user']);
  });

  it('shows level chips and values, and reports clicks', () => {
    const levels = document.createElement('div');
    const fields = document.createElement('div');
    const picked: string[] = [];
    const panel = new FacetsPanel(
      levels,
      fields,
      (level) => picked.push(level),
      (field, value, exclude) => picked.push(`${field}=${value}${exclude ? '!' : ''}`),
    );
    const facets = countFacets(list);
    panel.renderLevels(facets.levels, { ...NO_FILTER, level: 'WARN' });
    panel.renderFields(facets.fields, { ...NO_FILTER, mdc: [['traceId', 't1']] }, 'in the 3 newest shown');
    expect([...levels.querySelectorAll('.on')].map((c) => (c as HTMLElement).dataset.level)).toEqual(['WARN', 'ERROR', 'FATAL']);
    expect(levels.querySelector('[data-level=INFO] .count')!.textContent).toBe('2');
    expect(fields.querySelector('[data-field="mdc.traceId"] .on')!.textContent).toBe('t12');
    levels.querySelector<HTMLElement>('[data-level=ERROR]')!.click();
    fields.querySelector<HTMLElement>('[data-field=source] [data-value=web]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    expect(picked).toEqual(['ERROR', 'source=web!']);
  });
});
