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

  it('groups the topics under the app that sent them, a root topic named as the app being the app itself', () => {
    const tree = buildTopicTree([
      { topic: 'orders.INFO', app: 'orders', count: 5 },
      { topic: 'orders.WARN.db.pool', app: 'orders', count: 2 },
      { topic: 'shop.ERROR.payments', app: 'payments', count: 3 },
      { topic: 'shop.INFO.payments', app: 'payments', count: 1 },
      { topic: 'INFO.cache', app: 'payments', count: 4 },
      { topic: 'legacy.INFO', app: null, count: 7 },
    ]);
    expect(tree.map((n) => [n.name, n.isApp])).toEqual([
      ['legacy', false],
      ['orders', true],
      ['payments', true],
    ]);
    const [legacy, orders, payments] = tree;
    expect(legacy.prefixes).toEqual(['legacy']);
    expect(orders.total).toBe(7);
    expect(orders.own).toBe(5);
    expect(orders.prefixes).toEqual(['orders']);
    expect(orders.children.map((n) => n.name)).toEqual(['db']);
    expect(orders.children[0].app).toBe('orders');
    expect(orders.children[0].children[0].prefixes).toEqual(['orders.WARN.db.pool']);
    // an app whose root topic is not its name: the roots under it, levels folded
    expect(payments.total).toBe(8);
    expect(payments.prefixes).toEqual(['INFO', 'shop']);
    expect(payments.children.map((n) => n.path)).toEqual(['INFO', 'shop']);
    expect(payments.children[0].children.map((n) => n.path)).toEqual(['INFO.cache']);
    expect(payments.children[1].children[0].prefixes).toEqual(['shop.ERROR.payments', 'shop.INFO.payments']);
    expect(toggleTopic([], payments)).toEqual(['INFO', 'shop']);
  });

  it('puts an app beside a root topic of the same name from entries without an app', () => {
    const tree = buildTopicTree([
      { topic: 'orders.INFO', app: 'orders', count: 1 },
      { topic: 'orders.INFO', app: null, count: 2 },
    ]);
    expect(tree.map((n) => [n.name, n.isApp, n.total])).toEqual([
      ['orders', true, 1],
      ['orders', false, 2],
    ]);
  });
});
