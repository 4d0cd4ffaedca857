import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { buildProgram, commandListing, commandModules } from "../../src/cli/main.ts";
import { runCli } from "./run-cli.ts";

const context = { stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd: process.cwd() };

test("commandListing names only commands of commandModules, with the arguments each command's module declares", async () => {
  const program = await buildProgram(context);
  for (const [name, listed] of Object.entries(commandListing)) {
    assert.ok(commandModules.some((c) => c.name === name), name);
    const command = program.commands.find((c) => c.name() === name);
    assert.ok(command, name);
    const args = command.registeredArguments.map((a) => {
      const text = `${a.name()}${a.variadic ? "..." : ""}`;
      return a.required ? `<${text}>` : `[${text}]`;
    }).join(" ");
    assert.equal(listed.args, args, name);
  }
});

test("migmon --help lists every command of commandModules with its listed summary", async () => {
  const run = await runCli(["--help"], {});
  assert.equal(run.code, 0);
  const flat = run.stdout.replace(/\s+/g, " ");
  for (const { name } of commandModules) {
    assert.match(run.stdout, new RegExp(`^  ${name}\\b`, "m"), name);
    const listed = commandListing[name];
    if (listed !== undefined) assert.ok(flat.includes(listed.summary), name);
  }
});
