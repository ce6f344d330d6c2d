/**
 * JSON lines on stdout, one object per event, for a log collector to parse; no library, because the API needs
 * nothing beyond levels and fields.
 */
import { LOG_LEVELS } from '../../config/http';

export { LOG_LEVELS };
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Events below this level are dropped; `silent` drops all. */
  readonly level?: LogLevel;
  /** Where each finished line goes; stdout by default. */
  readonly write?: (line: string) => void;
}

/** Errors carry their message and stack; JSON.stringify alone would print `{}` for them. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Creates a logger writing one JSON object per line: `time`, `level`, `msg`, then the given fields. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const log =
    (level: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: LogFields = {}): void => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, replacer)}\n`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * The logger of middleware used without the app's own (tests, tools), at info. The app passes the logger built
 * from its configuration (`LOG_LEVEL`, read once in `config/http.ts`), so nothing here reads the environment.
 */
export const logger: Logger = createLogger({ level: 'info' });
