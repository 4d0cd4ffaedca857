import { UsageError } from "../../../core/index.ts";
import type { InputLimits } from "../../../core/index.ts";

const mebibyte = 1024 * 1024;

/**
 * The reading limits when nothing raises them. 16 MiB is far above the longest line of any file in
 * ../shared/data (a Eurostat TSV row of a few hundred periods is a few kB); 4 GiB inflated is 140 times the
 * largest gzip file there (29 MB); 100 million declared cells is far above any answer the Eurostat API gives;
 * a 1 MiB description holds about 20,000 inline codes (a real one names a few dozen).
 */
export const defaultInputLimits: InputLimits = {
  maxLineBytes: 16 * mebibyte,
  maxInflatedBytes: 4096 * mebibyte,
  maxDeclaredCells: 100_000_000,
  maxDescriptionBytes: mebibyte,
};

/** The environment variable that raises each limit (documented in src/ingest/sources/input/README.md). */
export const limitSettings: Readonly<Record<keyof InputLimits, string>> = {
  maxLineBytes: "MIGMON_MAX_LINE_BYTES",
  maxInflatedBytes: "MIGMON_MAX_INFLATED_BYTES",
  maxDeclaredCells: "MIGMON_MAX_DECLARED_CELLS",
  maxDescriptionBytes: "MIGMON_MAX_DESCRIPTION_BYTES",
};

/**
 * The reading limits from an environment (the CLI passes process.env): each variable is a positive whole
 * number of bytes (or cells); an absent one keeps the default. Throws UsageError naming the variable for a
 * value that is not such a number.
 */
export function inputLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): InputLimits {
  const read = (key: keyof InputLimits): number => {
    const setting = limitSettings[key];
    const raw = env[setting];
    if (raw === undefined || raw.trim() === "") return defaultInputLimits[key];
    const value = Number(raw.trim());
    if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${setting} must be a positive whole number, not ${JSON.stringify(raw)}`);
    return value;
  };
  return {
    maxLineBytes: read("maxLineBytes"), maxInflatedBytes: read("maxInflatedBytes"),
    maxDeclaredCells: read("maxDeclaredCells"), maxDescriptionBytes: read("maxDescriptionBytes"),
  };
}

/** The limits of an input: its own, or the defaults. */
export function limitsOf(input: { readonly limits?: InputLimits | undefined }): InputLimits {
  return input.limits ?? defaultInputLimits;
}

/** A byte count as a message says it: `16 MiB`, `4 GiB`, `1000 bytes`. */
export function formatByteCount(bytes: number): string {
  if (bytes >= 1024 * mebibyte && bytes % (1024 * mebibyte) === 0) return `${bytes / (1024 * mebibyte)} GiB`;
  if (bytes >= mebibyte && bytes % mebibyte === 0) return `${bytes / mebibyte} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
