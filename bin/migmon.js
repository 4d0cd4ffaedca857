#!/usr/bin/env node
// The `migmon` command. `npm ci` compiles src/ into dist/ (the `prepare` script: tsc -p tsconfig.build.json), and
// this runs the compiled JavaScript, which starts in a fraction of the time tsx needs to compile TypeScript at every
// start. The sources stay the truth: when dist/ is missing or older than a file under src/ (a developer's edit not
// yet built), the command runs the sources through tsx instead and says so once on stderr.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const built = `${root}dist/cli/main.js`;
const stamp = `${root}dist/.built`;

/** The newest modification time of a TypeScript file under `dir` (browser code and tests are not in the build). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== "web") newest = Math.max(newest, newestSource(full));
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function buildIsCurrent() {
  if (process.env.MIGMON_FROM_SOURCE === "1" || !existsSync(built) || !existsSync(stamp)) return false;
  return statSync(stamp).mtimeMs >= newestSource(`${root}src`);
}

// A reader that closes the pipe early (`migmon query ... | head`) is not an error: end quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

let main;
if (buildIsCurrent()) {
  ({ main } = await import(built));
} else {
  if (process.env.MIGMON_FROM_SOURCE !== "1" && existsSync(`${root}src`)) {
    process.stderr.write("migmon: dist/ is missing or older than src/, running the sources through tsx (npm run build compiles them)\n");
  }
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv);
