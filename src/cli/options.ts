import { UsageError, parsePeriod } from "../core/index.ts";
import type { Period } from "../core/index.ts";

export const languages = ["nl", "fr", "en"] as const;
export type Language = (typeof languages)[number];

/** Reads `--lang`; UsageError for anything but nl, fr, en. */
export function parseLanguage(text: string): Language {
  if (!(languages as readonly string[]).includes(text)) throw new UsageError(`--lang must be nl, fr or en, not ${JSON.stringify(text)}`);
  return text as Language;
}

/** Reads a period option (`--from 2015`); UsageError naming the option. */
export function parsePeriodOption(option: string, text: string | undefined): Period | undefined {
  if (text === undefined) return undefined;
  try {
    return parsePeriod(text);
  } catch {
    throw new UsageError(`${option} must be a period such as 2019, 2019-Q1, 2019-03 or 2019-01-01, not ${JSON.stringify(text)}`);
  }
}

/** Reads `--as-of` (or the option named `option`, such as `--published-as-of`): a date or an ISO instant. */
export function parseAsOf(text: string | undefined, option = "--as-of"): string | undefined {
  if (text === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return text;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text).toISOString();
  throw new UsageError(`${option} must be a date (2025-03-31) or an ISO instant, not ${JSON.stringify(text)}`);
}

/** Reads repeated `--where dim=code[,code]` options into a map of accepted codes. */
export function parseWhere(values: readonly string[]): Record<string, string[]> {
  const where: Record<string, string[]> = {};
  for (const value of values) {
    const m = /^([A-Za-z0-9_]+)=([^=]+)$/.exec(value);
    if (!m?.[1] || !m[2]) throw new UsageError(`--where must be dim=code[,code], not ${JSON.stringify(value)}`);
    const codes = m[2].split(",").map((c) => c.trim()).filter(Boolean);
    where[m[1].toLowerCase()] = [...(where[m[1].toLowerCase()] ?? []), ...codes];
  }
  return where;
}

/** Reads a release id argument. */
export function parseReleaseId(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} must be a release number (see \`migmon releases\`), not ${JSON.stringify(text)}`);
  return Number(text);
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
