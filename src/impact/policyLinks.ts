import type { PolicyEvent } from "../events/schema.ts";
import type { EligibilityRule, RuleCase } from "./ruleSchema.ts";

/** A register event that changed who is obliged or entitled, with the rule the model assumes from it. */
export interface EligibilityChange {
  readonly event: PolicyEvent;
  readonly rule: EligibilityRule;
  /** The REFNIS code of the rule's region, the area whose series the assess reading looks at. */
  readonly regionRefnis: string;
  /** One line: what the rule makes the model count, e.g. "obliged: third-country 18-64 (permit-family, ...)". */
  readonly assumes: string;
}

const refnisOfRegion: Readonly<Record<string, string>> = { BE1: "04000", BE2: "02000", BE3: "03000" };

function describeCase(c: RuleCase): string {
  const who = [
    c.when.groups?.join("/") ?? "everyone",
    c.when.minAge !== undefined || c.when.maxAge !== undefined ? `${c.when.minAge ?? 0}-${c.when.maxAge ?? "any"}` : null,
    c.when.statuses === undefined ? null : `(${c.when.statuses.join(", ")})`,
    c.when.maxMonthsSinceArrival === undefined ? null : `within ${c.when.maxMonthsSinceArrival} months of arrival`,
  ].filter((p) => p !== null).join(" ");
  return `${c.outcome}: ${who}${c.certainty === "uncertain" ? " [uncertain]" : ""}`;
}

/**
 * The register events behind the rules of a service (each rule's `event`), with what the rule makes the model
 * assume, for `regions` (NUTS codes; all when empty). The caller puts the assess reading of each event beside it
 * (src/impact does not import src/assess): the policy-to-inflow direction of the impact analysis.
 */
export function eligibilityChanges(rules: readonly EligibilityRule[], register: readonly PolicyEvent[], service: EligibilityRule["service"], regions: readonly string[] = []): EligibilityChange[] {
  const byId = new Map(register.map((e) => [e.id, e]));
  const out: EligibilityChange[] = [];
  for (const rule of rules) {
    if (rule.service !== service || (regions.length > 0 && !regions.includes(rule.region))) continue;
    const event = byId.get(rule.event);
    if (event === undefined) continue;
    out.push({ event, rule, regionRefnis: refnisOfRegion[rule.region]!, assumes: `from ${rule.validFrom}: ${rule.cases.map(describeCase).join("; ")}` });
  }
  return out.sort((a, b) => a.rule.validFrom.localeCompare(b.rule.validFrom) || a.rule.id.localeCompare(b.rule.id));
}
