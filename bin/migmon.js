#!/usr/bin/env node
// Runs the TypeScript CLI from source through tsx, so `npm ci` needs no build step.
import { register } from "tsx/esm/api";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
