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

describe('topic panel', () => {
  it('checks the selected prefixes and reports toggles', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const toggled: string[] = [];
    renderTopicTree(
      container,
      buildTopicTree([
        { topic: 'a.INFO', count: 2 },
        { topic: 'a.WARN', count: 1 },
      ]),
      ['a.WARN'],
      (p) => toggled.push(p),
    );
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => [b.dataset.topic, b.checked])).toEqual([
      ['a', false],
      ['a.INFO', false],
      ['a.WARN', true],
    ]);
    expect(container.querySelector('.count')!.textContent).toBe('3');
    boxes[1].click();
    expect(toggled).toEqual(['a.INFO']);
  });
});
