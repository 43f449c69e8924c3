import type { Logger } from '@nestjs/common';

/**
 * Work started after a request has been answered (so neither the reply nor its timing tells
 * anything), kept track of so that shutdown and tests can wait until it has finished.
 */
export class WorkAfterAnswer {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly logger: Logger,
    private readonly failure: string,
  ) {}

  start(work: Promise<unknown>): void {
    const tracked: Promise<void> = work
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error({ err }, this.failure))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Resolves when every started piece of work has finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
