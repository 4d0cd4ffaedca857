import { stringify } from "csv-stringify/sync";
import type { CliContext } from "./context.ts";
import type { Row } from "./output.ts";

// Output written as it is produced, for commands whose answer may be millions of rows (`migmon query`): CSV lines or
// the elements of a JSON array, one block of rows at a time, waiting for stdout to drain when it is full, so
// neither the rows nor their text are ever held whole.

/** Writes `text` to stdout, resolving when stdout can take more (after 'drain' when its buffer is full). */
function write(context: CliContext, text: string): Promise<void> {
  if (context.stdout.write(text)) return Promise.resolve();
  return new Promise((resolve) => context.stdout.once("drain", () => resolve()));
}

/** Writes blocks of rows as CSV (with a header line first, even with no rows) or as one JSON array of objects. */
export async function streamRows(context: CliContext, columns: readonly string[], blocks: AsyncIterable<readonly Row[]>, format: "csv" | "json"): Promise<void> {
  let first = true;
  if (format === "csv") await write(context, stringify([[...columns]]));
  else await write(context, "[");
  for await (const rows of blocks) {
    if (rows.length === 0) continue;
    if (format === "csv") {
      await write(context, stringify(rows.map((r) => columns.map((c) => r[c] ?? ""))));
      continue;
    }
    const objects = rows.map((r) => `  ${JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))}`);
    await write(context, `${first ? "\n" : ",\n"}${objects.join(",\n")}`);
    first = false;
  }
  if (format === "json") await write(context, first ? "]\n" : "\n]\n");
}
