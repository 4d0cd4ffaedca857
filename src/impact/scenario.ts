import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { InputError, NotFoundError } from "../core/index.ts";
import { scenarioSchema } from "./scenarioSchema.ts";
import type { Scenario } from "./scenarioSchema.ts";

/** The documented example scenarios of the repository. */
export const curatedScenariosDir = fileURLToPath(new URL("../../data/impact/scenarios/", import.meta.url));

/**
 * Reads and validates a scenario from YAML text (or JSON, which is YAML too).
 * @throws InputError naming the source and the first problem (field path and message).
 */
export function parseScenario(text: string, source: string): Scenario {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError(source, undefined, `not YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(source, undefined, `${issue.message} at ${issue.path.join(".") || "top level"}`);
  }
  return parsed.data;
}

/** Reads a scenario file; a bare name (`tp-wave-2026`) is looked up among the curated scenarios. */
export function readScenarioFile(fileOrName: string, cwd: string): Scenario {
  const file = /^[a-z][a-z0-9-]*$/.test(fileOrName) ? path.join(curatedScenariosDir, `${fileOrName}.yaml`) : path.resolve(cwd, fileOrName);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new NotFoundError(`scenario file ${file} cannot be read`);
  }
  return parseScenario(text, file);
}
