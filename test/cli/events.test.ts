import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { Command, CommanderError } from "commander";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { MigmonError } from "../../src/core/index.ts";
import { createEventsCommand, registerEventsCommand } from "../../src/cli/commands/events.ts";
import { loadRegister } from "../../src/events/register.ts";
import type { CliContext, RegisterCommand } from "../../src/cli/context.ts";

const registerDir = fileURLToPath(new URL("../../data/events/", import.meta.url));
const registerSize = loadRegister(registerDir).length;
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/events/${name}`, import.meta.url));

interface Run { code: number; stdout: string; stderr: string }

/**
 * Runs the registered `events` command on its own commander program with a fake context, turning errors into
 * exit codes the way the CLI entry does: usage errors 2, other MigmonErrors their own code, stderr one line.
 */
async function run(args: string[], env: Record<string, string>, register: RegisterCommand = registerEventsCommand, tty = false): Promise<Run> {
  let out = "";
  let err = "";
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = new PassThrough();
  stdout.on("data", (d: Buffer) => { out += d.toString(); });
  stderr.on("data", (d: Buffer) => { err += d.toString(); });
  const context: CliContext = { stdout, stderr, env, cwd: os.tmpdir() };
  const program = new Command("migmon").exitOverride().configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });
  register(program, context);
  let code = 0;
  try {
    await program.parseAsync(["node", "migmon", ...args]);
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof MigmonError) {
      stderr.write(`migmon: ${error.message}\n`);
      code = error.exitCode;
    } else throw error;
  }
  return { code, stdout: out, stderr: err };
}

const csv = (text: string) => parseCsv(text, { columns: true }) as Record<string, string>[];

describe("migmon events", () => {
  const env = { MIGMON_EVENTS_DIR: registerDir };

  it("migmon events --level federal --kind policy --from 2009 --to 2011 --format csv lists the matching events", async () => {
    const r = await run(["events", "--level", "federal", "--kind", "policy", "--from", "2009", "--to", "2011", "--format", "csv"], env);
    assert.equal(r.code, 0, r.stderr);
    const rows = csv(r.stdout);
    assert.deepEqual(rows.map((x) => x.id), ["federal-2009-eu8-labour-market-opening", "federal-2009-regularisation-instruction", "federal-2011-family-reunification-reform"]);
    assert.deepEqual(Object.keys(rows[0]!), ["id", "date", "level", "kind", "area", "direction", "checked", "title"]);
  });

  it("migmon events --lang nl --format json gives titles in Dutch and marks unchecked events", async () => {
    const r = await run(["events", "--level", "walloon", "--lang", "nl", "--format", "json"], env);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { id: string; title: string; checked: string }[];
    assert.equal(rows.find((x) => x.id === "walloon-2018-integration-pathway-reinforced")?.title, "Versterkt integratietraject in Wallonië");
    assert.equal(rows.find((x) => x.id === "walloon-2014-reception-pathway")?.checked, "UNCHECKED");
  });

  it("migmon events on a terminal prints an aligned table, and csv when piped", async () => {
    const tty = await run(["events", "--level", "LU"], env, registerEventsCommand, true);
    assert.match(tty.stdout.split("\n")[1]!, /^-+ {2}-+/);
    const piped = await run(["events", "--level", "LU"], env);
    assert.match(piped.stdout, /^id,date,level,kind,area,direction,checked,title\n/);
  });

  it("migmon events with a bad --level, --area, --from or --lang exits 2 with one line on stderr", async () => {
    for (const args of [["--level", "flanders"], ["--area", "housing"], ["--from", "2011-13"], ["--lang", "de"], ["--format", "xml"]]) {
      const r = await run(["events", ...args], env);
      assert.equal(r.code, 2, args.join(" "));
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.match(r.stderr, /^migmon: --/);
    }
  });

  it("migmon events show <id> prints the event as YAML, and as JSON with --format json", async () => {
    const yaml = await run(["events", "show", "eu-2022-temporary-protection-ukraine"], env);
    assert.equal(yaml.code, 0, yaml.stderr);
    const parsed = parseYaml(yaml.stdout) as { inForce: string; legalReference: string }[];
    assert.equal(parsed[0]!.inForce, "2022-03-04");
    assert.match(parsed[0]!.legalReference, /CELEX 32022D0382/);
    const json = await run(["events", "show", "eu-2022-temporary-protection-ukraine", "--format", "json"], env);
    assert.equal((JSON.parse(json.stdout) as { id: string }).id, "eu-2022-temporary-protection-ukraine");
  });

  it("migmon events show <id> of an unchecked event says so on stderr; an unknown id exits 1", async () => {
    const unchecked = await run(["events", "show", "lu-2008-free-movement-and-immigration-law"], env);
    assert.equal(unchecked.code, 0);
    assert.match(unchecked.stderr, /lu-2008-free-movement-and-immigration-law is UNCHECKED/);
    const missing = await run(["events", "show", "nl-1999-nothing"], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^migmon: no event "nl-1999-nothing" in the register\n$/);
  });

  it("migmon events for net-migration --geo BE2 --lang fr lists chart marks for the Flemish series", async () => {
    const r = await run(["events", "for", "net-migration", "--geo", "BE2", "--lang", "fr", "--format", "csv"], env);
    assert.equal(r.code, 0, r.stderr);
    const rows = csv(r.stdout);
    assert.deepEqual(Object.keys(rows[0]!), ["date", "id", "label", "kind", "direction", "level", "checked"]);
    assert.equal(rows.find((x) => x.id === "flemish-2019-municipal-mergers")?.label, "Fusions de communes 2019");
    assert.ok(rows.every((x) => ["EU", "federal", "flemish"].includes(x.level!)));
    const missingGeo = await run(["events", "for", "net-migration"], env);
    assert.equal(missingGeo.code, 2);
  });

  it("migmon events schema prints the field table generated from the schema", async () => {
    const md = await run(["events", "schema"], env);
    assert.equal(md.code, 0);
    assert.match(md.stdout, /^\| field \| required \| type \| description \|/);
    assert.match(md.stdout, /\| direction \| yes \| -1 \\\| 0 \\\| 1 \|/);
    const json = await run(["events", "schema", "--format", "json"], env);
    assert.equal((JSON.parse(json.stdout) as unknown[]).length, 19);
  });

  it("migmon events --help lists the subcommands", async () => {
    const r = await run(["events", "--help"], env);
    assert.equal(r.code, 0);
    for (const sub of ["show", "validate", "for", "add", "schema"]) assert.match(r.stdout, new RegExp(`\\n  ${sub}\\b`));
  });
});

describe("migmon events validate and add", () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-cli-events-"));
    cpSync(registerDir, dir, { recursive: true });
    env = { MIGMON_EVENTS_DIR: dir };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const snapshot = () => Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(path.join(dir, n), "utf8")]));

  it("migmon events validate reports the register valid with the count of unchecked events", async () => {
    const r = await run(["events", "validate"], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^${registerSize} events in 10 files are valid \\(\\d+ unchecked\\)\\n$`));
  });

  it("migmon events add --file F writes a valid event into its level's file in sorted order", async () => {
    const r = await run(["events", "add", "--file", fixture("new-event.yaml")], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `added de-2016-integration-act to ${path.join(dir, "de.yaml")}\n`);
    const ids = (parseYaml(readFileSync(path.join(dir, "de.yaml"), "utf8")) as { id: string }[]).map((e) => e.id);
    assert.equal(ids.indexOf("de-2016-integration-act"), ids.indexOf("de-2016-asylum-package-ii") + 1);
    const check = await run(["events", "validate"], env);
    assert.match(check.stdout, new RegExp(`^${registerSize + 1} events in 10 files are valid`));
  });

  it("migmon events add --file F refuses an invalid event, writes nothing and exits 1", async () => {
    const before = snapshot();
    const r = await run(["events", "add", "--file", fixture("invalid-event.yaml")], env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^migmon: \(new event\): federal-2011-broken-example: schema: sources\.0: /);
    assert.deepEqual(snapshot(), before);
  });

  it("migmon events add (no file) asks for each field on stderr and writes the answers", async () => {
    const answers = [
      "lu-2024-intercultural-living-together-law-example", "policy", "2024-01-01", "", "", "LU", "integration", "newcomers", "-1",
      "Example answer for the prompt test.", "Voorbeeld", "Exemple", "Example", "Samenvatting.", "Résumé.", "Summary.", "",
      "https://example.org/a, https://example.org/b", "no", "citizenship-acquisitions", "LU",
    ];
    const stdin = new PassThrough();
    stdin.end(`${answers.join("\n")}\n`);
    const r = await run(["events", "add"], env, createEventsCommand({ stdin }));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^id \(<level>-<year>-<words>\): kind \(policy\/context\/statistical\): /);
    const lu = parseYaml(readFileSync(path.join(dir, "lu.yaml"), "utf8")) as Record<string, unknown>[];
    const added = lu.find((e) => e.id === "lu-2024-intercultural-living-together-law-example");
    assert.deepEqual(added?.sources, ["https://example.org/a", "https://example.org/b"]);
    assert.equal(added?.direction, -1);
    assert.equal(added?.checked, false);
    assert.equal("announced" in (added ?? {}), false);
  });

  it("migmon events add (no file) stops with exit 2 when the answers run out, writing nothing", async () => {
    const before = snapshot();
    const stdin = new PassThrough();
    stdin.end("lu-2025-incomplete\npolicy\n");
    const r = await run(["events", "add"], env, createEventsCommand({ stdin }));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /migmon: input ended before "inForce/);
    assert.deepEqual(snapshot(), before);
  });

  it("migmon events validate lists every problem on stdout and exits 1 with one summary line", async () => {
    writeFileSync(path.join(dir, "fr.yaml"), `${readFileSync(path.join(dir, "fr.yaml"), "utf8")}\n- id: fr-2016-foreigners-rights-law\n  kind: policy\n`);
    const r = await run(["events", "validate"], env);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^fr\.yaml: fr-2016-foreigners-rights-law: schema: /m);
    assert.equal(r.stderr.trim().split("\n").length, 1);
    assert.match(r.stderr, /^migmon: \d+ problems in /);
    const list = await run(["events"], env);
    assert.equal(list.code, 1);
    assert.match(list.stderr, /^migmon: fr\.yaml: fr-2016-foreigners-rights-law: schema: .* \(and \d+ more problems\) in /);
  });
});
