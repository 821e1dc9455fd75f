/**
 * A sliding-log rate window: the times of the last `limit` starts, in a ring. A start at `now` is
 * allowed when the oldest of them is at least `interval` ms old, so no window of `interval` ms
 * ever holds more than `limit` starts. A token bucket would be O(1) in memory but lets a full
 * bucket and its refill through in one window (up to 2 x limit); the log is exact, at one number
 * per allowed start.
 * @internal
 */
export class RateWindow {
  /** start times, oldest at `next` once the ring is full */
  private readonly starts: number[] = [];
  private next = 0;

  constructor(
    private readonly limit: number,
    private readonly interval: number,
  ) {}

  /** How many ms until another start is allowed: 0 when one is allowed now. */
  wait(now: number): number {
    if (this.starts.length < this.limit) return 0;
    const wait = this.starts[this.next]! + this.interval - now;
    return wait > 0 ? wait : 0;
  }

  /** Counts a start at `now`. */
  record(now: number): void {
    if (this.starts.length < this.limit) this.starts.push(now);
    else {
      this.starts[this.next] = now;
      this.next = (this.next + 1) % this.limit;
    }
  }
}
