/**
 * The one error type of the project. Every error a user can cause is a MigmonError with a one-line message
 * naming what and where, the CLI exit code it maps to and the HTTP status the API answers with.
 */
export class MigmonError extends Error {
  readonly exitCode: number;
  readonly httpStatus: number;
  constructor(message: string, options: { exitCode?: number; httpStatus?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
    this.httpStatus = options.httpStatus ?? 500;
  }
}

/** A wrong option, argument or query parameter: exit 2, HTTP 400. */
export class UsageError extends MigmonError {
  constructor(message: string) {
    super(message, { exitCode: 2, httpStatus: 400 });
  }
}

/**
 * A value from an input as it may be quoted in a one-line message: JSON-quoted, and cut to its first `max`
 * characters with the full length said when longer, so a 1 MiB cell gives a readable line, not a 1 MiB one
 * (`"aaaa…" (1048576 characters)`).
 */
export function excerpt(value: unknown, max = 80): string {
  const text = typeof value === "string" ? value : String(value);
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, max)}…`)} (${text.length} characters)`;
}

/** The most characters of a problem an InputError repeats: a safety net for messages that quote input whole. */
const maxProblemLength = 400;

/** Bad content in an input file or response: names the source and, where known, the line. Exit 1, HTTP 422. */
export class InputError extends MigmonError {
  readonly source: string;
  readonly line: number | undefined;
  constructor(source: string, line: number | undefined, problem: string) {
    const shown = problem.length > maxProblemLength ? `${problem.slice(0, maxProblemLength)}…` : problem;
    // a newline inside quoted input would break the one-line rule; a source name is ours or a file name
    const oneLine = shown.replace(/[\r\n]+/g, " ");
    super(line === undefined ? `${oneLine} in ${source}` : `${oneLine} in ${source} line ${line}`, { httpStatus: 422 });
    this.source = source;
    this.line = line;
  }
}

/**
 * An input refused because it is over one of the reading limits (line length, inflated size, declared cube
 * size, description size): the message names the file, where, the limit, and the setting that raises it.
 */
export class InputLimitError extends InputError {
  /** The environment variable that raises the limit, e.g. MIGMON_MAX_LINE_BYTES. */
  readonly setting: string;
  constructor(source: string, line: number | undefined, message: string, setting: string) {
    super(source, line, message);
    this.message = message;
    this.setting = setting;
  }
}

/** Compressed bytes that do not inflate: `<file>: not a valid gzip stream (<zlib's reason>)`. */
export class CorruptInputError extends InputError {
  constructor(source: string, problem: string) {
    super(source, undefined, problem);
    this.message = `${source}: ${problem}`;
  }
}

/** Codes in an input that no code list knows; all of them are listed, none is dropped. */
export class UnknownCodeError extends InputError {
  readonly dimension: string;
  readonly codes: readonly string[];
  constructor(source: string, dimension: string, codes: readonly string[], firstLine?: number) {
    const shown = codes.slice(0, 20).map((c) => excerpt(c)).join(", ");
    const more = codes.length > 20 ? ` and ${codes.length - 20} more` : "";
    const label = codes.length === 1 ? "code" : "codes";
    super(source, firstLine, `unknown ${dimension} ${label} ${shown}${more}`);
    this.dimension = dimension;
    this.codes = codes;
  }
}

/** An id (dataset, release, indicator, event) that does not exist: exit 1, HTTP 404. */
export class NotFoundError extends MigmonError {
  constructor(message: string) {
    super(message, { exitCode: 1, httpStatus: 404 });
  }
}

/** A network or publisher failure while downloading: exit 1, HTTP 502. */
export class DownloadError extends MigmonError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { exitCode: 1, httpStatus: 502, ...options });
  }
}

/** Too little data for a statistical method; names the method, the series and n (STYLE.md rule 6). */
export class InsufficientDataError extends MigmonError {
  constructor(method: string, series: string, n: number, needed: number) {
    super(`${method} needs at least ${needed} observations, ${series} has ${n}`, { exitCode: 1, httpStatus: 422 });
  }
}
