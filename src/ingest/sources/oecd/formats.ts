import { UsageError } from "../../../core/index.ts";
import type { Parser } from "../../../core/index.ts";
import { firstLineOf } from "../international/headText.ts";
import { parseOecdSdmxCsv } from "./parse.ts";

/** The OECD formats by name (for data/sources.yaml and `migmon ingest --format`). */
export const oecdParsers: Readonly<Record<string, Parser>> = {
  "sdmx-csv": parseOecdSdmxCsv,
};

/** The OECD format of a file from its first line (SDMX-CSV 2.0 starts with STRUCTURE); UsageError otherwise. */
export function detectOecdFormat(firstBytes: Uint8Array, fileName: string): string {
  if (/^"?STRUCTURE"?,/.test(firstLineOf(firstBytes) ?? "")) return "sdmx-csv";
  throw new UsageError(`cannot tell the OECD format of ${fileName} from its content; name it with --format (${Object.keys(oecdParsers).join(", ")})`);
}
