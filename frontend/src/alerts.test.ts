import { describe, expect, it } from 'vitest';
import { HiddenAlerts } from './alerts';
import { entry } from './testEntries';

function setup() {
  const state = { hidden: true, title: 'zmqlog', notes: [] as string[][] };
  const alerts = new HiddenAlerts(
    { hidden: () => state.hidden, setTitle: (t) => (state.title = t), notify: (title, body) => state.notes.push([title, body]) },
    'zmqlog',
  );
  return { state, alerts };
}

describe('HiddenAlerts', () => {
  it('counts errors in the title and notifies once per batch while the tab is hidden', () => {
    const { state, alerts } = setup();
    alerts.arrived([entry(1, { level: 'INFO' }), entry(2, { level: 'ERROR', message: 'db down', topic: 'orders.ERROR', source: { app: 'orders' } })]);
    expect(state.title).toBe('(1) zmqlog');
    expect(state.notes).toEqual([['ERROR in orders.ERROR', 'orders: db down']]);
    alerts.arrived([entry(3, { level: 'FATAL' }), entry(4, { level: 'ERROR' })]);
    expect(state.title).toBe('(3) zmqlog');
    expect(state.notes[1][0]).toBe('2 errors');
  });

  it('says nothing while the tab is seen, and clears the count when it comes back', () => {
    const { state, alerts } = setup();
    state.hidden = false;
    alerts.arrived([entry(1, { level: 'ERROR' })]);
    expect(state.title).toBe('zmqlog');
    state.hidden = true;
    alerts.arrived([entry(2, { level: 'WARN' }), entry(3, { level: 'ERROR' })]);
    expect(state.title).toBe('(1) zmqlog');
    alerts.seen();
    expect(state.title).toBe('zmqlog');
    expect(state.notes).toHaveLength(1);
  });
});
