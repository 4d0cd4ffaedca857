import { UsageError } from "../../../core/index.ts";
import type { Parser } from "../../../core/index.ts";
import { firstLineOf } from "../international/headText.ts";
import { parseWdiTable } from "./parse.ts";
import { parseWorldBankApi } from "./parseApi.ts";

/** The World Bank formats by name (for data/sources.yaml and `migmon ingest --format`). */
export const worldBankParsers: Readonly<Record<string, Parser>> = {
  "wdi-long": parseWdiTable,
  "api-json": parseWorldBankApi,
};

/** The World Bank format of a file from its first line (`[` is an API page, `geo,var,t,v` the long table). */
export function detectWorldBankFormat(firstBytes: Uint8Array, fileName: string): string {
  const line = firstLineOf(firstBytes) ?? "";
  if (line.startsWith("[")) return "api-json";
  if (/^"?geo"?,"?var"?,"?t"?,"?v"?$/.test(line)) return "wdi-long";
  throw new UsageError(`cannot tell the World Bank format of ${fileName} from its content; name it with --format (${Object.keys(worldBankParsers).join(", ")})`);
}
