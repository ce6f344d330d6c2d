/**
 * Work a case runs beside its message handlers: deadline ladders, archive writes, the impact period, follow-up
 * reminders. A failure surfaces in the main loop (so the workflow task fails and is retried, visible in the Web UI),
 * and the count of effects in flight tells the main loop when it may continue-as-new without losing one.
 */
export class Background {
  private inFlight = 0;
  private failure: { readonly error: unknown } | undefined;

  /** Starts `task` in the background; its failure is kept for the main loop. */
  run(task: () => Promise<void>): void {
    task().catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /** Runs a step that must finish once started (a state change and the notice that goes with it). */
  async effect<T>(step: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await step();
    } finally {
      this.inFlight -= 1;
    }
  }

  idle(): boolean {
    return this.inFlight === 0;
  }

  /** Rethrows the first background failure, if any. */
  check(): void {
    if (this.failure) throw this.failure.error;
  }

  failed(): boolean {
    return this.failure !== undefined;
  }
}
