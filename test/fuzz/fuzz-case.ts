// One fuzz case and what makes its outcome acceptable, shared by test/fuzz/parsers-fuzz.test.ts and bench/fuzz/run.ts.
import { CorruptInputError, InputError, InputLimitError, MigmonError, type InputLimits } from "../../src/core/index.ts";
import { DeliveryRejectedError } from "../../src/ingest/delivery.ts";
import { defaultInputLimits } from "../../src/ingest/sources/input/limits.ts";
import type { FuzzTarget } from "./targets.ts";
import { mutate, mutationKinds, seededRandom, type MutationKind, type MutationSizes } from "./mutations.ts";

/**
 * The reading limits of the fuzz runs: small, so that a long line or a gzip bomb is refused after a few hundred
 * kilobytes instead of the 16 MiB and 4 GiB of the defaults (the limits are what is tested, not their size).
 */
export const fuzzLimits: InputLimits = {
  ...defaultInputLimits,
  maxLineBytes: 256 * 1024,
  maxInflatedBytes: 1024 * 1024,
  maxDescriptionBytes: 256 * 1024,
};

/** The mutation sizes matching fuzzLimits: just over each limit. */
export const fuzzSizes: MutationSizes = { longLineBytes: 256 * 1024 + 1, bombBytes: 1024 * 1024 + 4096 };

export type CaseResult = "ok" | "refused" | "crash" | "hang";

export interface CaseOutcome {
  readonly target: string;
  readonly number: number;
  readonly mutation: MutationKind;
  readonly result: CaseResult;
  readonly error?: unknown;
  /** For a refusal whose message breaks a rule (not one line, no file, no line or field): what is wrong. */
  readonly fault?: string;
  readonly ms: number;
}

/** A parse input over bytes, cut into chunks of `chunkSize`. */
function chunked(name: string, bytes: Uint8Array, chunkSize: number, limits: InputLimits) {
  return {
    name,
    limits,
    chunks: (async function* () {
      for (let i = 0; i < bytes.byteLength; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    })(),
  };
}

/**
 * Case `number` of a target: the mutation kinds in turn (so any run of 18 cases has each once), the mutation
 * itself and the chunk size drawn from the seed and the number, read to the end within `timeoutMs`.
 */
export async function runCase(target: FuzzTarget, seed: number, number: number, timeoutMs: number): Promise<CaseOutcome> {
  const random = seededRandom(seed * 1_000_003 + number);
  const mutation = mutationKinds[number % mutationKinds.length] as MutationKind;
  const bytes = mutate(target.sample, mutation, random, fuzzSizes);
  const chunkSize = 1 + Math.floor(random() * 16384);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<"hang">((resolve) => { timer = setTimeout(() => resolve("hang"), timeoutMs); });
  const started = performance.now();
  const work = target.read(chunked(target.name, bytes, chunkSize, fuzzLimits), fuzzLimits).then(() => "ok" as const, (error: unknown) => error);
  try {
    const outcome = await Promise.race([work, hang]);
    const ms = performance.now() - started;
    const base = { target: target.id, number, mutation, ms };
    if (outcome === "ok" || outcome === "hang") return { ...base, result: outcome };
    if (!(outcome instanceof MigmonError)) return { ...base, result: "crash", error: outcome };
    const fault = refusalFault(outcome, target.name);
    return { ...base, result: "refused", error: outcome, ...(fault ? { fault } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What is wrong with a refusal's message, or undefined: it must be one line, name the file, and say where (a line,
 * a row, or a field or value quoted from the input); a problem of the whole file (not gzip, over a size limit,
 * empty, not the expected kind of document) names the file alone.
 */
export function refusalFault(error: MigmonError, file: string): string | undefined {
  const message = error.message;
  if (/[\r\n]/.test(message)) return "the message is not one line";
  if (/^\s+at /m.test(message) || message.includes(".ts:")) return "the message carries a stack trace";
  if (!message.includes(file)) return "the message does not name the file";
  if (error instanceof DeliveryRejectedError) return error.problems.every((p) => p.row > 0) ? undefined : "a delivery problem without a row";
  if (error instanceof InputError && error.line !== undefined) return undefined;
  if (error instanceof CorruptInputError || error instanceof InputLimitError) return undefined;
  if (/\bline \d+|\brow \d+|\bindex \d+|\bposition \d+|\bcell \d+/.test(message)) return undefined;
  // a field named by its quoted name or value, or the document as a whole
  if (/"[^"]*"|\b(dimension|column|field|key|header|size|value|status|element|attribute|page)\b/i.test(message)) return undefined;
  if (/\b(empty|document|not JSON|not a JSON|not an? [A-Z]|not valid|UTF-8)/.test(message)) return undefined;
  return "the message names neither a line nor a field";
}

/** A short name for the kind of a refusal, for the run's table: the error class, and the limit for a limit. */
export function refusalKind(error: unknown): string {
  if (error instanceof InputLimitError) return `${error.name} (${error.setting})`;
  if (error instanceof MigmonError) return error.name;
  return error instanceof Error ? `crash: ${error.name}` : "crash";
}
