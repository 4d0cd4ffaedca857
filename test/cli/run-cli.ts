import { PassThrough } from "node:stream";
import { main } from "../../src/cli/main.ts";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `migmon` in-process with collected stdout/stderr, the given environment and (optionally) a fixed clock. */
export async function runCli(args: readonly string[], env: Record<string, string>, now?: () => Date): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => { out += d.toString(); });
  stderr.on("data", (d: Buffer) => { err += d.toString(); });
  const code = await main(["node", "migmon", ...args], {
    stdout, stderr, env: { ...env }, cwd: process.cwd(), ...(now ? { now } : {}),
  });
  return { code, stdout: out, stderr: err };
}
