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

/** Bad content in an input file or response: names the source and, where known, the line. Exit 1, HTTP 422. */
export class InputError extends MigmonError {
  readonly source: string;
  readonly line: number | undefined;
  constructor(source: string, line: number | undefined, problem: string) {
    super(line === undefined ? `${problem} in ${source}` : `${problem} in ${source} line ${line}`, { httpStatus: 422 });
    this.source = source;
    this.line = line;
  }
}

/** Codes in an input that no code list knows; all of them are listed, none is dropped. */
export class UnknownCodeError extends InputError {
  readonly dimension: string;
  readonly codes: readonly string[];
  constructor(source: string, dimension: string, codes: readonly string[], firstLine?: number) {
    const shown = codes.slice(0, 20).map((c) => JSON.stringify(c)).join(", ");
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
