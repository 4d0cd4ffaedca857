import { UsageError } from "../../../core/index.ts";
import type { Parser } from "../../../core/index.ts";
import { firstLineOf } from "../international/headText.ts";
import { parseMigrantStock } from "./parse.ts";
import { parseNationalNetMigration, parseWppNetMigration } from "./parseNetMigration.ts";

/** The UN DESA formats by name (for data/sources.yaml and `migmon ingest --format`). */
export const undesaParsers: Readonly<Record<string, Parser>> = {
  "ims-long": parseMigrantStock,
  "wpp-net-migration": parseWppNetMigration,
  "national-net-migration": parseNationalNetMigration,
};

/**
 * The UN DESA format of a file from its first line (`"geo","t","from",...` is the migrant stock; the pandas
 * net-migration header is WPP when the file name says `wpp`, else the national-statistics table). Throws
 * UsageError naming the formats when it cannot tell.
 */
export function detectUndesaFormat(firstBytes: Uint8Array, fileName: string): string {
  const line = firstLineOf(firstBytes) ?? "";
  if (/^"?geo"?,"?t"?,"?from"?,"?sex"?,"?n"?/.test(line)) return "ims-long";
  if (/^,"?Year"?,"?Country ISO"?,"?Net Number of Migrants"?/.test(line)) return /wpp/i.test(fileName) ? "wpp-net-migration" : "national-net-migration";
  throw new UsageError(`cannot tell the UN DESA format of ${fileName} from its content; name it with --format (${Object.keys(undesaParsers).join(", ")})`);
}
