import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { loadRegister, resolveEventsDir } from "../../src/events/register.ts";
import { decideEligibility, findUnorderedOverlaps, loadRules } from "../../src/impact/rules.ts";
import type { EligibilityRule } from "../../src/impact/ruleSchema.ts";

const register = loadRegister(resolveEventsDir({}, process.cwd()));
const eventIds = new Set(register.map((e) => e.id));
const adult = { group: "third-country", status: "permit-family", age: 30, monthsSinceArrival: 2 } as const;

const rule = (id: string, validFrom: string, validTo: string | null, precedence?: number): EligibilityRule => ({
  id, service: "civic-integration", region: "BE2", validFrom, validTo, event: "flemish-2016-integration-decree",
  legalSource: "test", sources: ["https://example.org/"], datesCertainty: "stated",
  cases: [{ when: { minAge: 18 }, outcome: "obliged", certainty: "stated" }],
  ...(precedence === undefined ? {} : { precedence }),
});

describe("eligibility rules (data/impact/rules)", () => {
  it("loadRules(dir, register ids) validates every curated rule against the schema and finds each rule's register event", () => {
    const rules = loadRules(undefined, eventIds);
    assert.ok(rules.length >= 10);
    for (const r of rules) {
      assert.ok(r.sources.length > 0 && r.legalSource.length > 0, r.id);
      assert.ok(eventIds.has(r.event), `${r.id} -> ${r.event}`);
    }
  });

  it("findUnorderedOverlaps(rules) is empty for the curated rules and names two rules whose dates overlap without precedence", () => {
    assert.deepEqual(findUnorderedOverlaps(loadRules()), []);
    assert.deepEqual(findUnorderedOverlaps([rule("a", "2016-01-01", "2022-03-01"), rule("b", "2022-01-01", null)]), [["a", "b"]]);
    assert.deepEqual(findUnorderedOverlaps([rule("a", "2016-01-01", "2022-03-01"), rule("b", "2022-01-01", null, 1)]), []);
    // Touching ends do not overlap: validTo is exclusive.
    assert.deepEqual(findUnorderedOverlaps([rule("a", "2016-01-01", "2022-03-01"), rule("b", "2022-03-01", null)]), []);
  });

  it("loadRules(dir) refuses a directory whose rules overlap without precedence, naming both", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migmon-rules-"));
    try {
      const yaml = (id: string, from: string, to: string) => `- id: ${id}\n  service: okan\n  region: BE2\n  validFrom: ${from}\n  validTo: ${to}\n  event: x\n  legalSource: x\n  sources: [https://example.org/]\n  datesCertainty: stated\n  cases:\n    - when: {}\n      outcome: entitled\n      certainty: stated\n`;
      writeFileSync(path.join(dir, "a.yaml"), yaml("first", "2010-01-01", "2020-01-01") + yaml("second", "2019-01-01", "2021-01-01"));
      assert.throws(() => loadRules(dir), /rules first and second overlap/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("decideEligibility(rules, civic-integration, BE2, date, applicant) changes on 1 March 2022: entitled the day before, not covered from that day", () => {
    const rules = loadRules();
    const applicant = { ...adult, status: "applicant" } as const;
    const before = decideEligibility(rules, "civic-integration", "BE2", "2022-02-28", applicant);
    const after = decideEligibility(rules, "civic-integration", "BE2", "2022-03-01", applicant);
    assert.equal(before.outcome, "entitled");
    assert.equal(before.event, "flemish-2016-integration-decree");
    assert.equal(after.outcome, "not-covered");
    assert.equal(after.event, "flemish-2022-civic-integration-reform");
  });

  it("decideEligibility(rules, civic-integration, BE1, date, family migrant) is entitled before 1 June 2022 and obliged from then", () => {
    const rules = loadRules();
    assert.equal(decideEligibility(rules, "civic-integration", "BE1", "2022-05-31", adult).outcome, "entitled");
    assert.equal(decideEligibility(rules, "civic-integration", "BE1", "2022-06-01", adult).outcome, "obliged");
    assert.equal(decideEligibility(rules, "civic-integration", "BE1", "2014-06-01", adult).rule, null);
  });

  it("decideEligibility(rules, ..., EU citizen or 65-year-old) is never obliged, and OKAN takes 12 to 17 within a year of arrival", () => {
    const rules = loadRules();
    for (const region of ["BE1", "BE2", "BE3"] as const) {
      assert.notEqual(decideEligibility(rules, "civic-integration", region, "2024-01-01", { ...adult, group: "eu-eea-ch", status: "eu-free-movement" }).outcome, "obliged", region);
      assert.notEqual(decideEligibility(rules, "civic-integration", region, "2024-01-01", { ...adult, age: 65 }).outcome, "obliged", region);
    }
    const pupil = { group: "eu-eea-ch", status: "eu-free-movement", age: 12, monthsSinceArrival: 12 } as const;
    assert.equal(decideEligibility(rules, "okan", "BE2", "2024-01-01", pupil).outcome, "entitled");
    assert.equal(decideEligibility(rules, "okan", "BE2", "2024-01-01", { ...pupil, age: 11 }).outcome, "not-covered");
    assert.equal(decideEligibility(rules, "okan", "BE2", "2024-01-01", { ...pupil, age: 18 }).outcome, "not-covered");
    assert.equal(decideEligibility(rules, "okan", "BE2", "2024-01-01", { ...pupil, monthsSinceArrival: 13 }).outcome, "not-covered");
  });
});
