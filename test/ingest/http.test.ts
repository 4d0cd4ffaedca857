import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { readBody, DownloadError } from "../../src/core/index.ts";
import { createHttpGet } from "../../src/ingest/http.ts";
import { startLocalServer } from "../local-server.ts";

describe("createHttpGet", () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  const attempts = new Map<string, number>();
  before(async () => {
    server = await startLocalServer(async (request, response) => {
      const n = (attempts.get(request.url ?? "") ?? 0) + 1;
      attempts.set(request.url ?? "", n);
      if (request.url === "/flaky" && n < 3) { response.statusCode = 503; response.end("busy"); return; }
      if (request.url === "/always-500") { response.statusCode = 500; response.end("broken"); return; }
      if (request.url === "/missing") { response.statusCode = 404; response.end("no such dataset"); return; }
      if (request.url === "/slow") { await new Promise((r) => setTimeout(r, 400)); response.end("late"); return; }
      response.setHeader("content-type", "text/plain");
      response.end("hello");
    });
  });
  after(() => server.close());
  const noWait = async () => {};

  it("createHttpGet()(request) returns status, lower-case headers and the body", async () => {
    const get = createHttpGet({ sleep: noWait });
    const answer = await get({ url: `${server.url}/ok` });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers["content-type"], "text/plain");
    assert.equal(new TextDecoder().decode(await readBody(answer.body)), "hello");
  });

  it("createHttpGet()(request) retries a 503 and returns the answer that succeeds", async () => {
    const log: string[] = [];
    const get = createHttpGet({ sleep: noWait, retries: 3, log: (l) => log.push(l) });
    const answer = await get({ url: `${server.url}/flaky` });
    assert.equal(answer.status, 200);
    assert.equal(attempts.get("/flaky"), 3);
    assert.equal(log.length, 2);
    assert.match(log[0] ?? "", /HTTP 503/);
  });

  it("createHttpGet()(request) returns the last 5xx answer once the retries are used up", async () => {
    const get = createHttpGet({ sleep: noWait, retries: 2 });
    const answer = await get({ url: `${server.url}/always-500` });
    assert.equal(answer.status, 500);
    assert.equal(attempts.get("/always-500"), 3);
  });

  it("createHttpGet()(request) does not retry a 404, the connector decides what it means", async () => {
    const get = createHttpGet({ sleep: noWait, retries: 3 });
    const answer = await get({ url: `${server.url}/missing` });
    assert.equal(answer.status, 404);
    assert.equal(attempts.get("/missing"), 1);
  });

  it("createHttpGet()(request) throws DownloadError naming the URL after time-outs", async () => {
    const get = createHttpGet({ sleep: noWait, retries: 1, timeoutMs: 100 });
    await assert.rejects(get({ url: `${server.url}/slow` }), (error: unknown) =>
      error instanceof DownloadError && /\/slow after 2 attempts: no answer within 100 ms/.test(error.message));
  });

  it("createHttpGet()(request) throws DownloadError when nothing listens", async () => {
    const get = createHttpGet({ sleep: noWait, retries: 0 });
    await assert.rejects(get({ url: "http://127.0.0.1:9/none" }), DownloadError);
  });
});
