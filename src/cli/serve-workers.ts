// `migmon serve --workers N`: N server processes on one port (node:cluster hands each connection to one of them), so
// that every core answers. DuckDB lets one process open a file for writing, or any number of processes open it
// read-only, never both: so the workers all open the store read-only, the primary only prepares the store (migrated,
// filled when empty) before forking and restarts nothing, and writes (MIGMON_ADMIN_TOKEN) need a single-process
// serve. Each worker keeps its own response cache; with no writes there is nothing to invalidate across them.
import cluster from "node:cluster";
import { once } from "node:events";
import { UsageError } from "../core/index.ts";
import type { CliContext } from "./context.ts";

/** Reads `--workers`: a whole number from 1 to 64. */
export function parseWorkers(text: string): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 64) throw new UsageError(`--workers must be a whole number from 1 to 64, not ${JSON.stringify(text)}`);
  return Number(text);
}

/** Whether this process is a worker forked by `serveWithWorkers`. */
export function isServeWorker(): boolean {
  return cluster.isWorker;
}

/**
 * In the primary: prepares the store, forks `count` workers (each runs this same command, sees isServeWorker() and
 * serves read-only), prints the address once all are listening, and on SIGINT or SIGTERM stops them and returns.
 * A worker that dies is reported on stderr and not replaced (the others go on serving).
 */
export async function serveWithWorkers(context: CliContext, count: number, prepare: () => Promise<void>): Promise<void> {
  if (context.env.MIGMON_ADMIN_TOKEN) {
    throw new UsageError("--workers serves read-only (DuckDB lets one process write a store, and the workers must all open it read-only): unset MIGMON_ADMIN_TOKEN, or serve writes with one process");
  }
  await prepare();
  const workers = Array.from({ length: count }, () => cluster.fork());
  const urls = await Promise.all(workers.map((worker) => new Promise<string>((resolve, reject) => {
    worker.on("message", (message: { ready?: string }) => { if (typeof message.ready === "string") resolve(message.ready); });
    worker.once("exit", (code) => reject(new UsageError(`a serve worker exited with code ${code} before it was listening (see its message above)`)));
  })));
  context.stderr.write(`migmon: serving ${urls[0]}/api with ${count} workers (read-only: --workers never writes); stop with Ctrl-C\n`);
  for (const worker of workers) worker.on("exit", (code) => context.stderr.write(`migmon: serve worker ${worker.process.pid} exited (${code})\n`));
  await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
  for (const worker of workers) worker.removeAllListeners("exit");
  await Promise.all(workers.map(async (worker) => {
    if (worker.isDead()) return;
    const exited = once(worker, "exit");
    worker.process.kill("SIGTERM");
    await exited;
  }));
  context.stderr.write("migmon: stopped\n");
}
