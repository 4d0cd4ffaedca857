import type { DuckDBConnection, DuckDBMaterializedResult, DuckDBPreparedStatement, DuckDBValue } from "@duckdb/node-api";

/** How many prepared statements a connection keeps; the least recently prepared goes first. */
const perConnection = 64;

/**
 * Prepared statements by connection and SQL text. The read path writes its filters as parameters (codes as lists,
 * the release as a number), so the text of a statement depends only on which dimensions are filtered and the kind
 * of version, and a repeated read skips DuckDB's parse, bind and plan. A statement belongs to its connection and
 * runs only inside that connection's turn (the read pool gives a connection to one read at a time).
 */
export class StatementCache {
  private readonly byConnection = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();

  /** Runs `sql` with `values` on `conn`, preparing it once per connection; resolves with the whole result. */
  async run(conn: DuckDBConnection, sql: string, values: readonly DuckDBValue[]): Promise<DuckDBMaterializedResult> {
    let statements = this.byConnection.get(conn);
    if (statements === undefined) {
      statements = new Map();
      this.byConnection.set(conn, statements);
    }
    let prepared = statements.get(sql);
    if (prepared === undefined) {
      prepared = await conn.prepare(sql);
      statements.set(sql, prepared);
      if (statements.size > perConnection) {
        const [oldest, statement] = statements.entries().next().value as [string, DuckDBPreparedStatement];
        statement.destroySync();
        statements.delete(oldest);
      }
    }
    prepared.bind([...values]);
    return prepared.run();
  }

  /** Destroys the statements of `conn` (before it is closed). */
  release(conn: DuckDBConnection): void {
    for (const statement of this.byConnection.get(conn)?.values() ?? []) statement.destroySync();
    this.byConnection.delete(conn);
  }
}
