import { inThisContext } from './inThisContext.js';

/** What a carrier starts: a waiting client whose slot was granted. */
export interface CarriedStart {
  /** called once, in the carrier's async context */
  start(): void;
}

/**
 * The async context of one unit of work that may have to wait (a task group's batch, an
 * operator's subscription, one `limiter.run` call), carried to where the wait ends.
 *
 * It is made where the unit runs (so in its context) and holds one armed promise reaction:
 * `resume(item)` fires it, and the reaction starts the item, and any others resumed meanwhile,
 * in the context the carrier was made in. A limiter hands a freed slot to a waiter of the
 * *same* carrier synchronously (the releasing code already runs in that context) and goes through
 * `resume` only across carriers: a batch of a thousand queued tasks pays for its context once
 * per hand-over between units, not once per task.
 * @internal
 */
export class ContextCarrier {
  /** items resumed since the reaction last ran */
  private pending: CarriedStart[] = [];
  /** fires the armed reaction; undefined once fired, until it is armed again */
  private fire: ((carrier: ContextCarrier) => void) | undefined;

  /** @param reusable whether to arm again after firing (a batch or a subscription: yes; one call: no) */
  constructor(private readonly reusable: boolean) {
    this.fire = inThisContext(runCarried);
  }

  /** Starts `item` one promise job from now, in this carrier's context. */
  resume(item: CarriedStart): void {
    this.pending.push(item);
    const fire = this.fire;
    if (fire === undefined) return; // fired already: the reaction about to run takes it too
    this.fire = undefined;
    fire(this);
  }

  /** @internal the reaction: runs in the carrier's context */
  _run(): void {
    // armed again before anything runs, from here: in the carrier's own context
    if (this.reusable) this.fire = inThisContext(runCarried);
    const items = this.pending;
    this.pending = [];
    for (const item of items) item.start();
  }
}

const runCarried = (carrier: ContextCarrier): void => carrier._run();
