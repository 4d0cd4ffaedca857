import type { DuckDBConnection } from "@duckdb/node-api";
import { MigmonError } from "../core/index.ts";

/**
 * The store could not do its work for a reason outside the input: a full disk, a file-size limit, a permission, a
 * lock held by another process. The message names the cause, the dataset and the database file, then DuckDB's
 * own first line. HTTP 507 (disk) or 503 (lock, permission): the request may succeed once the machine is fixed.
 */
export class StoreFailureError extends MigmonError {
  readonly reason: StoreFailureReason;
  constructor(message: string, reason: StoreFailureReason, cause: unknown) {
    super(message, { exitCode: 1, httpStatus: reason === "disk" || reason === "size-limit" ? 507 : 503, cause });
    this.reason = reason;
  }
}

export type StoreFailureReason = "disk" | "size-limit" | "permission" | "lock";

// DuckDB reports the operating system's error text (strerror) inside its own "IO Error: ..." message.
const reasons: readonly { readonly reason: StoreFailureReason; readonly pattern: RegExp; readonly says: string }[] = [
  { reason: "disk", pattern: /no space left on device|ENOSPC|disk quota exceeded|EDQUOT/i, says: "the store's disk is full" },
  { reason: "size-limit", pattern: /file too large|EFBIG/i, says: "the store's disk refused to grow the file (file too large: a file-size limit or quota)" },
  { reason: "permission", pattern: /permission denied|EACCES|EPERM|read-only file system|EROFS/i, says: "the store may not write to its disk (permission)" },
  { reason: "lock", pattern: /could not set lock|conflicting lock/i, says: "the store's file is locked by another process" },
];

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * The error to report for `error`, thrown while loading `dataset` into the store file `path`: a StoreFailureError
 * naming the cause when DuckDB's message shows a full disk, a file-size limit, a permission or a lock; `error`
 * itself otherwise (a MigmonError already says what happened; anything else is an internal error).
 */
export function describeStoreFailure(error: unknown, dataset: string, path: string): unknown {
  if (error instanceof MigmonError) return error;
  const message = firstLine(error);
  const known = reasons.find((r) => r.pattern.test(message));
  if (known === undefined) return error;
  return new StoreFailureError(`${known.says} while loading ${dataset} into ${path}: ${message}`, known.reason, error);
}

/**
 * The error to report when the checkpoint at close failed for the machine's sake (`error` from `CHECKPOINT` on the
 * store file `path`): the committed changes are safe in the write-ahead log, which the next open replays into the
 * file once it can grow. Null for any other failure, which DuckDB's own close would have passed over in silence.
 */
export function describeCheckpointFailure(error: unknown, path: string): StoreFailureError | null {
  const message = firstLine(error);
  const known = reasons.find((r) => r.reason !== "lock" && r.pattern.test(message));
  if (known === undefined) return null;
  return new StoreFailureError(`${known.says} while writing the last changes into ${path}; they are kept in ${path}.wal ` +
    `and written in when the store is next opened with room to grow: ${message}`, known.reason, error);
}

/**
 * Rolls back the transaction open on `conn` after `error` ended it, without ever replacing `error`: when DuckDB
 * already aborted the transaction (a failed write invalidates it, then ROLLBACK says "no transaction is active"),
 * the rollback's own failure is dropped, because the caller rethrows the error that happened.
 */
export async function rollbackAfter(conn: DuckDBConnection): Promise<void> {
  try {
    await conn.run("ROLLBACK");
  } catch {
    // Nothing to undo any more, or the database is invalidated: the original error is the one to report.
  }
}

/**
 * Runs `cleanUp` after `work`, whatever happened; a failing clean-up is reported only when `work` succeeded, so
 * it never hides the error that ended the work.
 */
export async function withCleanUp<T>(work: () => Promise<T>, cleanUp: () => Promise<void>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    try { await cleanUp(); } catch { /* the work's error is the one to report */ }
    throw error;
  }
  await cleanUp();
  return result;
}
