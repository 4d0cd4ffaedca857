import type { HttpGet, ParseInput } from "../../../core/index.ts";
import { answerAsInput, getOk } from "../international/httpAnswers.ts";

/** The UN DESA tables this connector reads, by their path in a mirror laid out like ../shared/data. */
export const undesaFiles = {
  migrantStock: "international/iom_gdidata/undesa_ims2024_stocks_by_origin_sex_1990-2024.csv.gz",
  wppNetMigration: "international/un_wpp2024_net_migration_1950-2023.csv.gz",
  nationalNetMigration: "international/net_migration_national_statistics_1990-2023.csv",
} as const;

/** The name of one of the UN DESA tables above. */
export type UndesaFile = keyof typeof undesaFiles;

/**
 * The URL of a UN DESA table under a base URL (a mirror such as MIGMON_MIRROR served over HTTP, or the
 * directory of the long CSV tables). The base must end with `/`.
 */
export function undesaFileUrl(base: string, file: UndesaFile): string {
  return new URL(undesaFiles[file], base).toString();
}

/**
 * Downloads one UN DESA long table (gzipped or plain CSV) and returns it as parser input named by its URL.
 * The UN itself publishes the International Migrant Stock only as XLSX workbooks; this connector reads the
 * long CSV form of that table (see README.md). Throws DownloadError naming the URL and the status for an
 * error answer.
 */
export async function fetchUndesaFile(get: HttpGet, base: string, file: UndesaFile): Promise<ParseInput> {
  const url = undesaFileUrl(base, file);
  const response = await getOk(get, { url, accept: "text/csv, application/gzip, */*" }, `UN DESA table ${file}`);
  return answerAsInput(response);
}
