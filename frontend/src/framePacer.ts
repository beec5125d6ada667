export interface FramePacerOptions {
  /** The least time between two drawings that only show arrivals, in ms. */
  minInterval: number;
  now?: () => number;
  frame?: (callback: () => void) => void;
  later?: (callback: () => void, delay: number) => unknown;
  cancel?: (handle: unknown) => void;
}

/**
 * When to draw the page. What the user does (a scroll, a click, a key) is drawn at the next
 * frame; entries arriving are drawn at most every `minInterval` ms. At 20,000 entries a
 * second every visible row is new at every frame, and building, laying out and painting
 * them 60 times a second took half a core of a 2-core machine, which other processes then
 * lacked, so that the page's tasks waited for a core (long tasks of 100-300 ms, most of them
 * wall time, not CPU); no one reads 60 pages of log a second. A stream slower than one
 * batch per interval is drawn at the next frame as before.
 */
export class FramePacer {
  private frameRequested = false;
  private timer: unknown = null;
  private lastDrawn = -Infinity;
  private readonly minInterval: number;
  private readonly now: () => number;
  private readonly frame: (callback: () => void) => void;
  private readonly later: (callback: () => void, delay: number) => unknown;
  private readonly cancel: (handle: unknown) => void;

  constructor(
    private readonly draw: () => void,
    options: FramePacerOptions,
  ) {
    this.minInterval = options.minInterval;
    this.now = options.now ?? (() => performance.now());
    this.frame = options.frame ?? ((callback) => requestAnimationFrame(() => callback()));
    this.later = options.later ?? ((callback, delay) => setTimeout(callback, delay));
    this.cancel = options.cancel ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** The user acted: draw at the next frame. */
  soon(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.frame(() => this.drawNow());
  }

  /** Entries arrived: draw at the next frame at least `minInterval` after the last drawing. */
  paced(): void {
    if (this.frameRequested || this.timer !== null) return;
    const wait = this.lastDrawn + this.minInterval - this.now();
    if (wait <= 0) {
      this.soon();
      return;
    }
    this.timer = this.later(() => {
      this.timer = null;
      this.soon();
    }, wait);
  }

  private drawNow(): void {
    this.frameRequested = false;
    // this drawing shows the arrivals a pending timer waits for
    if (this.timer !== null) {
      this.cancel(this.timer);
      this.timer = null;
    }
    this.lastDrawn = this.now();
    this.draw();
  }
}
