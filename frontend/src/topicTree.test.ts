import { describe, expect, it } from 'vitest';
import { buildTopicTree, isSelected, toggleTopic } from './topicTree';

describe('topic tree', () => {
  it('nests dotted topics per root and sums counts, without the level floor', () => {
    const tree = buildTopicTree([
      { topic: 'orders.INFO', count: 5 },
      { topic: 'orders.WARN.db.pool', count: 2 },
      { topic: 'orders.DEBUG.db', count: 1 },
      { topic: 'INFO', count: 4 },
    ]);
    expect(tree.map((n) => n.name)).toEqual(['INFO', 'orders']);
    const orders = tree[1];
    expect(orders.total).toBe(8);
    expect(orders.own).toBe(5);
    expect(orders.prefixes).toEqual(['orders']);
    expect(orders.children.map((n) => n.name)).toEqual(['db']);
    const db = orders.children[0];
    expect(db.path).toBe('orders.db');
    expect(db.prefixes).toEqual(['orders.DEBUG.db', 'orders.WARN.db']);
    expect(db.total).toBe(3);
    expect(db.children[0].prefixes).toEqual(['orders.WARN.db.pool']);
  });

  it('toggles every prefix of a node, dropping prefixes that overlap them', () => {
    const [a] = buildTopicTree([
      { topic: 'a.INFO.x', count: 1 },
      { topic: 'a.WARN.x', count: 1 },
    ]);
    const x = a.children[0];
    expect(toggleTopic(['b'], x)).toEqual(['b', 'a.INFO.x', 'a.WARN.x']);
    expect(isSelected(['a.INFO.x', 'a.WARN.x'], x)).toBe(true);
    expect(isSelected(['a'], x)).toBe(true);
    expect(toggleTopic(['a.INFO.x', 'a.WARN.x', 'b'], x)).toEqual(['b']);
    expect(toggleTopic(['a.INFO.x'], a)).toEqual(['a']);
    expect(toggleTopic(['a'], a)).toEqual([]);
  });
});
