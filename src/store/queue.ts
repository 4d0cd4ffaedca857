/**
 * Runs asynchronous tasks one after another, in the order they were submitted. A DuckDB connection runs one
 * statement at a time and a transaction belongs to its connection, so every use of a connection goes through
 * the queue that owns it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task submitted before it has settled; resolves or rejects with its outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
