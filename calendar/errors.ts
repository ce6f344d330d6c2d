/**
 * Thrown when a caller hands the calendar something it cannot interpret: a malformed date,
 * an invalid instant, an impossible number of working days, a date outside the supported range.
 * It signals a bug or bad input upstream, never a data problem.
 */
export class CalendarInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarInputError';
  }
}

/**
 * Thrown when holiday data (an operator file under `config/holidays/`, or arrangements passed to
 * `createCalendar`) is inconsistent. The message lists every problem found, each naming the file
 * (when there is one), the entry (list, index and date) and what is wrong, so an operator can fix the
 * file without reading code.
 */
export class CalendarDataError extends Error {
  /** The offending file, when the data came from one. */
  readonly file: string | undefined;
  /** One line per problem, without the file prefix. */
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[], file?: string) {
    super(`Invalid holiday data in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CalendarDataError';
    this.file = file;
    this.problems = problems;
  }
}
