import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { InputError, MigmonError } from "../core/index.ts";
import { ruleFileSchema } from "./ruleSchema.ts";
import type { Certainty, EligibilityRule, NationalityGroup, Outcome, ResidenceStatus, RuleCondition, RuleRegion, Service } from "./ruleSchema.ts";

/** The curated rules of the repository. */
export const curatedRulesDir = fileURLToPath(new URL("../../data/impact/rules/", import.meta.url));

/**
 * Reads every `*.yaml` of a rules directory and validates it against the rule schema; also checks that ids are
 * unique, that each rule's register event exists (`eventIds`) and that no two rules of one service and region
 * overlap in time without a precedence that tells them apart.
 * @throws InputError naming the file and the rule for the first problem found.
 */
export function loadRules(dir: string = curatedRulesDir, eventIds?: ReadonlySet<string>): EligibilityRule[] {
  const rules: EligibilityRule[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  if (files.length === 0) throw new InputError(dir, undefined, "no rule files (*.yaml)");
  for (const file of files) {
    const full = path.join(dir, file);
    const parsed = ruleFileSchema.safeParse(parseYaml(readFileSync(full, "utf8")));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(full, undefined, `${issue.message} at ${issue.path.join(".") || "top level"}`);
    }
    for (const rule of parsed.data) {
      if (eventIds !== undefined && !eventIds.has(rule.event)) throw new InputError(full, undefined, `rule ${rule.id} links to unknown register event ${JSON.stringify(rule.event)}`);
      rules.push(rule);
    }
  }
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) throw new InputError(dir, undefined, `rule id ${r.id} appears twice`);
    seen.add(r.id);
  }
  const overlap = findUnorderedOverlaps(rules)[0];
  if (overlap !== undefined) throw new InputError(dir, undefined, `rules ${overlap[0]} and ${overlap[1]} overlap in time without a precedence that tells them apart`);
  return rules;
}

/**
 * The pairs of rules (ids) of one service and region whose validity overlaps while neither has a higher
 * precedence than the other (a missing precedence counts as 0): the model could not say which applies.
 */
export function findUnorderedOverlaps(rules: readonly EligibilityRule[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < rules.length; i++) for (let j = i + 1; j < rules.length; j++) {
    const a = rules[i]!;
    const b = rules[j]!;
    if (a.service !== b.service || a.region !== b.region) continue;
    const overlaps = (a.validTo === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom < b.validTo);
    if (overlaps && (a.precedence ?? 0) === (b.precedence ?? 0)) out.push([a.id, b.id]);
  }
  return out;
}

/** One kind of person as the rules see them. Age in whole years (a band is judged at both ends, see ageBands.ts). */
export interface PersonProfile {
  readonly group: NationalityGroup;
  readonly status: ResidenceStatus;
  readonly age: number;
  readonly monthsSinceArrival: number;
}

/** What the rules in force say about a profile on a date, and why. */
export interface EligibilityDecision {
  readonly outcome: Outcome;
  /** The rule that decided, or null when none is in force (outcome not-covered). */
  readonly rule: string | null;
  readonly event: string | null;
  readonly certainty: Certainty;
  readonly note: string | null;
}

/** The rule of a service and region in force on an ISO date (the highest precedence where rules overlap), or null. */
export function ruleInForce(rules: readonly EligibilityRule[], service: Service, region: RuleRegion, date: string): EligibilityRule | null {
  let best: EligibilityRule | null = null;
  for (const r of rules) {
    if (r.service !== service || r.region !== region) continue;
    if (date < r.validFrom || (r.validTo !== null && date >= r.validTo)) continue;
    if (best === null || (r.precedence ?? 0) > (best.precedence ?? 0)) best = r;
  }
  return best;
}

function matches(when: RuleCondition, p: PersonProfile): boolean {
  if (when.groups !== undefined && !when.groups.includes(p.group)) return false;
  if (when.statuses !== undefined && !when.statuses.includes(p.status)) return false;
  if (when.minAge !== undefined && p.age < when.minAge) return false;
  if (when.maxAge !== undefined && p.age > when.maxAge) return false;
  if (when.maxMonthsSinceArrival !== undefined && p.monthsSinceArrival > when.maxMonthsSinceArrival) return false;
  return true;
}

/**
 * Decides whether a profile is obliged to, entitled to or not covered by a service in a region on an ISO date:
 * the rule in force, then its first matching case. No rule in force, or no matching case, is `not-covered`; a
 * rule with uncertain dates makes the decision uncertain too.
 */
export function decideEligibility(rules: readonly EligibilityRule[], service: Service, region: RuleRegion, date: string, person: PersonProfile): EligibilityDecision {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MigmonError(`eligibility date must be YYYY-MM-DD, not ${JSON.stringify(date)}`);
  const rule = ruleInForce(rules, service, region, date);
  if (rule === null) return { outcome: "not-covered", rule: null, event: null, certainty: "stated", note: `no ${service} rule in force in ${region} on ${date}` };
  const hit = rule.cases.find((c) => matches(c.when, person));
  const datesUncertain = rule.datesCertainty === "uncertain";
  if (hit === undefined) return { outcome: "not-covered", rule: rule.id, event: rule.event, certainty: datesUncertain ? "uncertain" : "stated", note: datesUncertain ? rule.note ?? null : null };
  const certainty: Certainty = hit.certainty === "uncertain" || datesUncertain ? "uncertain" : "stated";
  const note = [hit.note, datesUncertain ? rule.note : undefined].filter((n) => n !== undefined).join(" ") || null;
  return { outcome: hit.outcome, rule: rule.id, event: rule.event, certainty, note };
}
