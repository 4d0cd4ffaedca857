import type { DuckDBConnection } from "@duckdb/node-api";
import { MigmonError } from "../core/index.ts";

/**
 * A fixed set of read connections to one DuckDB instance, each lent to one read at a time (a connection runs one
 * statement at a time, and prepared statements belong to it). Reads beyond the pool's size wait in submission
 * order for the first connection that comes back. DuckDB runs the reads of different connections in parallel, and
 * each sees the state committed when its statement starts, so a read never waits for a load on the write
 * connection and sees the previous release until that load commits.
 */
export class ReadPool {
  private readonly idle: DuckDBConnection[];
  private readonly waiting: ((conn: DuckDBConnection) => void)[] = [];
  private closed = false;

  constructor(private readonly connections: readonly DuckDBConnection[]) {
    if (connections.length === 0) throw new MigmonError("a read pool needs at least one connection");
    this.idle = [...connections];
  }

  /** How many connections the pool has. */
  get size(): number {
    return this.connections.length;
  }

  /** Runs `task` on a free connection (waiting for one if all are busy); resolves or rejects with its outcome. */
  async run<T>(task: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new MigmonError("the store is closed");
    const conn = await this.acquire();
    try {
      return await task(conn);
    } finally {
      this.giveBack(conn);
    }
  }

  /**
   * Waits until every connection is back (reads already submitted finish first), then refuses new reads and calls
   * `closeEach` on every connection.
   */
  async close(closeEach: (conn: DuckDBConnection) => void): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const all = await Promise.all(this.connections.map(() => this.acquire()));
    for (const conn of all) closeEach(conn);
  }

  private acquire(): Promise<DuckDBConnection> {
    const conn = this.idle.pop();
    if (conn !== undefined) return Promise.resolve(conn);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private giveBack(conn: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next !== undefined) next(conn);
    else this.idle.push(conn);
  }
}
