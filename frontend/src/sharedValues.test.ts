import { describe, expect, it } from 'vitest';
import { SharedValues } from './sharedValues';
import { entry } from './testEntries';

const source = () => ({ app: 'orders', host: 'h1', pid: 7, instance: 'ab12' });

describe('SharedValues', () => {
  it('gives entries from the same publisher one source object and one empty MDC', () => {
    const values = new SharedValues();
    const first = entry(1, { source: source(), mdc: {}, thread: 'main', kind: 'STRUCTURED' });
    const second = entry(2, { source: source(), mdc: {}, thread: 'main', kind: 'STRUCTURED' });
    values.share(first);
    values.share(second);
    expect(second.source).toBe(first.source);
    expect(second.mdc).toBe(first.mdc);
    expect(second).toEqual(entry(2, { source: source(), mdc: {}, thread: 'main', kind: 'STRUCTURED' }));
  });

  it('keeps sources that differ in any field, and MDCs with values, apart', () => {
    const values = new SharedValues();
    const first = entry(1, { source: source(), mdc: { user: 'a' } });
    const second = entry(2, { source: { ...source(), pid: 8 }, mdc: { user: 'a' } });
    const third = entry(3, { source: { ...source(), app: null } });
    const fourth = entry(4, { source: { ...source(), app: 'null' } });
    for (const e of [first, second, third, fourth]) values.share(e);
    expect(second.source).not.toBe(first.source);
    expect(second.source?.pid).toBe(8);
    expect(second.mdc).not.toBe(first.mdc);
    expect(fourth.source).not.toBe(third.source);
    expect(third.source?.app).toBeNull();
  });

  it('leaves missing fields as they are', () => {
    const values = new SharedValues();
    const bare = entry(1, { level: null, logger: null });
    values.share(bare);
    expect(bare).toEqual(entry(1, { level: null, logger: null }));
  });

  it('holds no more distinct values than its limit', () => {
    const values = new SharedValues(100);
    for (let id = 0; id < 1_000; id++) values.share(entry(id, { topic: `t${id}`, logger: `l${id}`, source: { ...source(), pid: id } }));
    expect(values.size).toBeLessThanOrEqual(200);
  });
});
