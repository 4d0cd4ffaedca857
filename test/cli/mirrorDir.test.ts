// The mirror folder's one variable and its deprecated aliases, read in src/cli/settings.ts only.
import assert from "node:assert/strict";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, it } from "node:test";
import { defaultOfflineDir, mirrorVariables } from "../../src/cli/settings.ts";

const contextWith = (env: Record<string, string>) => ({ stdout: new PassThrough(), stderr: new PassThrough(), env, cwd: "/work" });

describe("mirror folder", () => {
  it("defaultOfflineDir(context) takes MIGMON_MIRROR before the deprecated MIGMON_OFFLINE_DIR and MIGMON_SHARED_DATA", () => {
    assert.deepEqual(mirrorVariables, ["MIGMON_MIRROR", "MIGMON_OFFLINE_DIR", "MIGMON_SHARED_DATA"]);
    assert.equal(defaultOfflineDir(contextWith({ MIGMON_MIRROR: "m", MIGMON_OFFLINE_DIR: "o", MIGMON_SHARED_DATA: "s" })), path.resolve("/work", "m"));
    assert.equal(defaultOfflineDir(contextWith({ MIGMON_OFFLINE_DIR: "o", MIGMON_SHARED_DATA: "s" })), path.resolve("/work", "o"));
    assert.equal(defaultOfflineDir(contextWith({ MIGMON_SHARED_DATA: "/data" })), "/data");
  });
});
