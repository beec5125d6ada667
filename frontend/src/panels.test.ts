// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderDetail } from './detail';
import { renderTopicTree } from './topicPanel';
import { entry } from './testEntries';
import { buildTopicTree } from './topicTree';

describe('detail panel', () => {
  it('shows every field, MDC and source as text', () => {
    const panel = document.createElement('aside');
    renderDetail(
      panel,
      entry(9, {
        thread: 'main',
        seq: 41,
        kind: 'STRUCTURED',
        mdc: { user: '<script>x</script>' },
        source: { app: 'orders', host: 'h1', pid: 7, instance: 'ab12' },
        exception: 'java.lang.X\n\tat y',
      }),
      { copy() {}, copyJson() {}, close() {} },
    );
    const field = (name: string) => panel.querySelector(`[data-field="${name}"]`)?.textContent;
    expect(field('thread')).toBe('main');
    expect(field('seq')).toBe('41');
    expect(field('app')).toBe('orders');
    expect(field('instance')).toBe('ab12');
    expect(field('mdc.user')).toBe('<script>x</script>');
    expect(panel.querySelector('script')).toBeNull();
    expect(field('exception')).toBe('java.lang.X\n\tat y');
  });
});

describe('detail panel actions', () => {
  it('filters by a clicked MDC value, source or logger, and excludes on shift-click', () => {
    const panel = document.createElement('aside');
    const asked: Array<[string, string, boolean]> = [];
    renderDetail(
      panel,
      entry(3, { mdc: { traceId: 't-42' }, logger: 'a.B', source: { app: 'orders', host: 'h', pid: 1, instance: 'i-9' } }),
      { copy() {}, copyJson() {}, close() {}, filter: (field, value, exclude) => asked.push([field, value, exclude]) },
      { source: 'orders@h' },
    );
    const click = (field: string, shiftKey = false) =>
      panel.querySelector<HTMLButtonElement>(`[data-field="${field}"] button`)!.dispatchEvent(new MouseEvent('click', { shiftKey, bubbles: true }));
    click('mdc.traceId');
    click('source', true);
    click('logger');
    expect(asked).toEqual([
      ['mdc.traceId', 't-42', false],
      ['source', 'i-9', true],
      ['logger', 'a.B', false],
    ]);
    expect(panel.querySelector('[data-field="source"]')!.textContent).toBe('orders@h');
  });

  it('folds framework frames and shows the causes of a stack trace', () => {
    const panel = document.createElement('aside');
    const trace =
      'X: boom\n\tat app.A.a(A.java:1)\n\tat java.lang.B.b(B.java:1)\n\tat java.lang.B.c(B.java:1)\n\tat java.lang.B.d(B.java:1)\nCaused by: Y: why';
    renderDetail(panel, entry(4, { exception: trace }), { copy() {}, copyJson() {}, close() {} });
    expect(panel.querySelector('details.framework summary')!.textContent).toBe('3 framework frames');
    expect(panel.querySelector('details.framework')!.hasAttribute('open')).toBe(false);
    expect(panel.querySelector('.cause')!.textContent).toBe('Caused by: Y: why');
    expect(panel.querySelector('[data-testid=detail-context]')).toBeNull();
  });
});

describe('topic panel', () => {
  it('checks the selected nodes and reports toggles, levels folded into their branch', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const toggled: string[][] = [];
    renderTopicTree(
      container,
      buildTopicTree([
        { topic: 'a.INFO.db', count: 2 },
        { topic: 'a.WARN.db', count: 1 },
        { topic: 'a.WARN.web', count: 4 },
      ]),
      ['a.WARN.web'],
      (node) => toggled.push(node.prefixes),
    );
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => [b.dataset.topic, b.checked])).toEqual([
      ['a', false],
      ['a.db', false],
      ['a.web', true],
    ]);
    expect(container.querySelector('.count')!.textContent).toBe('7');
    boxes[1].click();
    expect(toggled).toEqual([['a.INFO.db', 'a.WARN.db']]);
  });
});
