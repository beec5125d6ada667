import { describe, expect, it } from 'vitest';
import { readLook, writeLook } from './settings';

function memory(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('the look: columns and time', () => {
  it('takes the URL first, then what this browser remembers, then the defaults', () => {
    const store = memory({ 'zmqlog.columns': 'time,level', 'zmqlog.time': 'utc' });
    expect(readLook(new URLSearchParams('columns=level,mdc.traceId&time=relative'), store)).toEqual({ columns: ['level', 'mdc.traceId'], time: 'relative' });
    expect(readLook(new URLSearchParams(''), store)).toEqual({ columns: ['time', 'level'], time: 'utc' });
    expect(readLook(new URLSearchParams('columns=nonsense&time=mars'), memory())).toEqual({ columns: ['time', 'source', 'level', 'logger'], time: 'local' });
  });

  it('writes only what is not the default into the URL, keeping the filter, and remembers it', () => {
    const store = memory();
    const params = writeLook({ columns: ['time', 'mdc.traceId'], time: 'utc' }, new URLSearchParams('q=a|b&regex=true'), store);
    expect(params.toString()).toBe('q=a%7Cb&regex=true&columns=time%2Cmdc.traceId&time=utc');
    expect(store.values.get('zmqlog.columns')).toBe('time,mdc.traceId');
    expect(writeLook({ columns: ['time', 'source', 'level', 'logger'], time: 'local' }, params, store).toString()).toBe('q=a%7Cb&regex=true');
  });
});
