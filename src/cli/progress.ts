import { SingleBar } from "cli-progress";
import type { CliContext } from "./context.ts";

export interface Progress {
  update(done: number, total?: number): void;
  stop(summary?: string): void;
}

/**
 * Progress of long work on stderr: a bar on a terminal; on a pipe, a line every few seconds so logs stay short.
 * Counts are of `unit` (e.g. observations).
 */
export function startProgress(context: CliContext, label: string, unit: string, now: () => number = Date.now): Progress {
  if (context.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {value} ${unit}`,
      stream: context.stderr as NodeJS.WriteStream,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
      noTTYOutput: false,
    });
    bar.start(0, 0);
    let total = 0;
    return {
      update(done, newTotal) {
        if (newTotal !== undefined && newTotal !== total) { total = newTotal; bar.setTotal(total); }
        bar.update(done);
      },
      stop(summary) {
        bar.stop();
        if (summary) context.stderr.write(`${label}: ${summary}\n`);
      },
    };
  }
  let last = now();
  return {
    update(done) {
      if (now() - last < 5000) return;
      last = now();
      context.stderr.write(`${label}: ${done} ${unit}\n`);
    },
    stop(summary) {
      if (summary) context.stderr.write(`${label}: ${summary}\n`);
    },
  };
}
