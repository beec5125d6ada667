/** Reconnect delays: doubling from `initial` up to `max`, with jitter so browsers spread out. */
export class Backoff {
  private attempt = 0;

  constructor(
    readonly initial = 500,
    readonly max = 15_000,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const base = Math.min(this.max, this.initial * 2 ** this.attempt);
    this.attempt++;
    // between 75% and 100% of the base
    return Math.round(base * (0.75 + 0.25 * this.random()));
  }

  reset(): void {
    this.attempt = 0;
  }
}
