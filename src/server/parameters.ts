// The zod schemas of the parameters several routes share. Each states its rule in the message a 400 answer
// quotes and in its description, which the OpenAPI document carries.
import { z } from "zod";
import { isPeriod } from "../core/index.ts";

function isAsOf(text: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(day) && new Date(day).toISOString().slice(0, 10) === text;
  }
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text));
}

/** A dataset id, `<publisher>:<code>` in lower case (`eurostat:migr_imm1ctz`). */
export const datasetIdSchema = z.string()
  .regex(/^[a-z]+:[a-z0-9_]+$/, "must be a dataset id <publisher>:<code> in lower case, such as eurostat:migr_imm1ctz")
  .describe("dataset id <publisher>:<code>, as listed by /api/datasets");

/** A period in any form the core parser reads (`2019`, `2019-Q1`, `2019-03`, `2019-01-01`). */
export const periodSchema = z.string()
  .refine(isPeriod, "must be a period such as 2019, 2019-Q1, 2019-03 or 2019-01-01")
  .describe("a period: 2019, 2019-Q1, 2019-03 or 2019-01-01");

/** "As published on": a date (a UTC day) or an ISO instant. */
export const asOfSchema = z.string()
  .refine(isAsOf, "must be a date YYYY-MM-DD or an ISO instant such as 2025-03-31T12:00:00Z")
  .describe("as published on this date (YYYY-MM-DD, a UTC day) or ISO instant; latest when absent");

/** A release id: a positive whole number. */
export const releaseIdSchema = z.string()
  .regex(/^[1-9]\d{0,9}$/, "must be a release id (a positive whole number)")
  .describe("a release id, as listed by /api/datasets/{id}/releases");

/** A language of titles and labels. */
export const languageSchema = z.enum(["nl", "fr", "en"], "must be nl, fr or en").describe("language of titles and labels");

/** An ISO date (`2019-01-01`), checked to exist in the calendar. */
export const isoDateSchema = z.string()
  .refine((t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && isAsOf(t), "must be a date YYYY-MM-DD")
  .describe("a date YYYY-MM-DD");

/** The as-of date or instant in the form the store reads: dates as given, instants as UTC ISO text. */
export function normaliseAsOf(text: string | undefined): string | undefined {
  if (text === undefined || /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return new Date(text).toISOString();
}
