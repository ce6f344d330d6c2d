/**
 * The calendar questions a case awaits in its workflow task. While one is out, neither the search attributes nor the
 * register's projection go out, so that both carry what the calendar answers (a deadline armed with its due date);
 * the publisher and the projector read this one count.
 */
export class CalendarHold {
  private count = 0;

  /** True while a calendar question is awaited. */
  get awaited(): boolean {
    return this.count > 0;
  }

  /** Runs `work` (a calendar computation) counted as awaited until it is done. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await work();
    } finally {
      this.count -= 1;
    }
  }
}
