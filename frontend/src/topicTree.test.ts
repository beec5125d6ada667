import { describe, expect, it } from 'vitest';
import { buildTopicTree, toggleTopic } from './topicTree';

describe('topic tree', () => {
  it('nests dotted topics and sums counts', () => {
    const tree = buildTopicTree([
      { topic: 'orders.INFO', count: 5 },
      { topic: 'orders.WARN.db.pool', count: 2 },
      { topic: 'orders.WARN', count: 1 },
      { topic: 'INFO', count: 4 },
    ]);
    expect(tree.map((n) => n.name)).toEqual(['INFO', 'orders']);
    const orders = tree[1];
    expect(orders.total).toBe(8);
    expect(orders.prefix).toBe('orders');
    const warn = orders.children.find((n) => n.name === 'WARN')!;
    expect(warn.own).toBe(1);
    expect(warn.total).toBe(3);
    expect(warn.children[0].prefix).toBe('orders.WARN.db');
  });

  it('toggles a prefix, dropping prefixes that overlap it', () => {
    expect(toggleTopic(['a.INFO', 'b'], 'a')).toEqual(['b', 'a']);
    expect(toggleTopic(['a'], 'a.INFO')).toEqual(['a.INFO']);
    expect(toggleTopic(['a', 'ab'], 'a')).toEqual(['ab']);
  });
});
