import { decideEligibility } from "./rules.ts";
import type { PersonProfile } from "./rules.ts";
import type { EligibilityRule, RuleRegion, Service } from "./ruleSchema.ts";

/** The shares of a year's arrivals that are obliged, entitled or not covered, and the rules and notes behind them. */
export interface YearEligibility {
  readonly obliged: number;
  readonly entitled: number;
  readonly notCovered: number;
  readonly rules: readonly string[];
  readonly uncertain: boolean;
  readonly notes: readonly string[];
}

const dayMs = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Decides eligibility for a profile arriving in `year`, when arrivals are spread evenly over the year's days: the
 * year is cut at every date a rule of the service and region starts or ends, and each piece counts with its share
 * of days. So a rule changing on 1 March 2022 applies to 306/365 of 2022's arrivals.
 */
export function eligibilityInYear(rules: readonly EligibilityRule[], service: Service, region: RuleRegion, year: number, person: PersonProfile): YearEligibility {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const cuts = new Set<number>([start, end]);
  for (const r of rules) {
    if (r.service !== service || r.region !== region) continue;
    for (const d of [r.validFrom, r.validTo]) {
      if (d === null) continue;
      const ms = Date.parse(`${d}T00:00:00Z`);
      if (ms > start && ms < end) cuts.add(ms);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const days = (end - start) / dayMs;
  const share = { obliged: 0, entitled: 0, "not-covered": 0 };
  const used = new Set<string>();
  const notes = new Set<string>();
  let uncertain = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const piece = (points[i + 1]! - points[i]!) / dayMs / days;
    const d = decideEligibility(rules, service, region, isoDay(points[i]!), person);
    share[d.outcome] += piece;
    if (d.rule !== null) used.add(d.rule);
    if (d.note !== null && (d.certainty === "uncertain" || d.rule === null)) notes.add(d.note);
    if (d.certainty === "uncertain") uncertain = true;
  }
  return { obliged: share.obliged, entitled: share.entitled, notCovered: share["not-covered"], rules: [...used], uncertain, notes: [...notes] };
}
