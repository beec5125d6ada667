import { describe, expect, it } from 'vitest';
import { FramePacer } from './framePacer';

/** A clock, frames and timers the test moves by hand. */
function harness(minInterval = 100) {
  let time = 0;
  let frames: (() => void)[] = [];
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextTimer = 1;
  let draws = 0;
  const pacer = new FramePacer(() => draws++, {
    minInterval,
    now: () => time,
    frame: (callback) => frames.push(callback),
    later: (callback, delay) => {
      timers.set(nextTimer, { at: time + delay, callback });
      return nextTimer++;
    },
    cancel: (handle) => timers.delete(handle as number),
  });
  return {
    pacer,
    draws: () => draws,
    pendingFrames: () => frames.length,
    pendingTimers: () => timers.size,
    /** Moves the clock, firing the timers due, then runs the frames requested by then. */
    advance(ms: number) {
      time += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= time) {
          timers.delete(id);
          timer.callback();
        }
      }
      const due = frames;
      frames = [];
      for (const callback of due) callback();
    },
  };
}

describe('FramePacer', () => {
  it('draws the first arrivals at the next frame, once however many batches came', () => {
    const h = harness();
    h.pacer.paced();
    h.pacer.paced();
    h.pacer.paced();
    expect(h.pendingFrames()).toBe(1);
    h.advance(16);
    expect(h.draws()).toBe(1);
  });

  it('draws arrivals at most once per interval', () => {
    const h = harness(100);
    h.pacer.paced();
    h.advance(16); // drawn at t=16
    for (let t = 0; t < 80; t += 16) {
      h.pacer.paced();
      h.advance(16);
    }
    expect(h.draws()).toBe(1);
    h.pacer.paced();
    h.advance(30); // t=126: 110 ms after the first drawing
    expect(h.draws()).toBe(2);
  });

  it('draws what the user did at the next frame, arrivals waiting or not', () => {
    const h = harness(100);
    h.pacer.paced();
    h.advance(16);
    h.pacer.paced(); // waits for its timer
    expect(h.pendingTimers()).toBe(1);
    h.pacer.soon();
    h.advance(16);
    expect(h.draws()).toBe(2);
    // that drawing showed the arrivals too: their timer is gone
    expect(h.pendingTimers()).toBe(0);
  });

  it('draws at the next frame arrivals that come less often than the interval', () => {
    const h = harness(100);
    for (let i = 1; i <= 3; i++) {
      h.pacer.paced();
      h.advance(16);
      expect(h.draws()).toBe(i);
      h.advance(500);
    }
  });
});
