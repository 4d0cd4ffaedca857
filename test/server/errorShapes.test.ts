// Every error the server can answer has the API's one shape, `{ status, error }` with a one-line error, JSON, not
// cached, and the security headers: the route errors (400, 401, 403, 404, 429, 500), what fastify refuses before
// a route (malformed URL 400, parameter too long 414, unknown method on a known path 405, body too large 413,
// unsupported media type 415) and what Node's HTTP parser refuses before fastify (431, a malformed request line),
// the last ones over a raw TCP connection to a listening server.
import assert from "node:assert/strict";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { startApi } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
let port: number;
before(async () => {
  api = await startApi("shape-token");
  await api.app.listen({ port: 0, host: "127.0.0.1" });
  port = (api.app.server.address() as AddressInfo).port;
});
after(async () => { await api.close(); });

/** The parts of an answer the shape rule is about. */
interface Answer { status: number; headers: Record<string, string | string[] | number | undefined>; body: string }

/** Checks one error answer against the shape rule: JSON `{status, error}`, one line, no-store, security headers. */
function assertErrorShape(answer: Answer, status: number, message: RegExp, what: string): void {
  assert.equal(answer.status, status, `${what}: ${answer.body.slice(0, 200)}`);
  assert.match(String(answer.headers["content-type"]), /^application\/json/, what);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ["error", "status"], what);
  assert.equal(body.status, status, what);
  assert.equal(typeof body.error, "string", what);
  assert.ok(!String(body.error).includes("\n"), `${what}: one line`);
  assert.match(String(body.error), message, what);
  assert.equal(answer.headers["cache-control"], "no-store", what);
  assert.equal(answer.headers.etag, undefined, what);
  assert.match(String(answer.headers["content-security-policy"]), /frame-ancestors 'none'/, what);
  assert.equal(answer.headers["x-content-type-options"], "nosniff", what);
  assert.equal(answer.headers["x-frame-options"], "DENY", what);
  assert.equal(answer.headers["referrer-policy"], "no-referrer", what);
}

async function inject(method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const r = await api.app.inject({ method, url, ...(payload === undefined ? {} : { payload }), headers });
  return { status: r.statusCode, headers: r.headers, body: r.body };
}

/** Sends `request` as raw bytes on a new connection and parses the HTTP answer (status, headers, body). */
function raw(request: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => { text += d; });
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = text.split("\r\n\r\n", 2);
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body });
    });
  });
}

describe("error answers of the API", () => {
  test("route errors 400, 401, 403 and 404 answer {status, error} with the security headers", async () => {
    assertErrorShape(await inject("GET", "/api/datasets/eurostat:teina200/observations?limit=0"), 400, /^query parameter limit/, "bad parameter");
    assertErrorShape(await inject("POST", "/api/update", "{}", { "content-type": "application/json" }), 401, /Authorization: Bearer/, "no token");
    assertErrorShape(await inject("POST", "/api/update", "{}", { "content-type": "application/json", authorization: "Bearer wrong" }), 403, /not accepted/, "wrong token");
    assertErrorShape(await inject("GET", "/api/datasets/eurostat:nothing"), 404, /dataset eurostat:nothing not found/, "unknown id");
    assertErrorShape(await inject("GET", "/api/nowhere"), 404, /^no route GET \/api\/nowhere/, "unknown route");
  });

  test("a known path with another method is 405 naming the methods it takes, with Allow", async () => {
    const put = await inject("PUT", "/api/datasets/eurostat:teina200");
    assertErrorShape(put, 405, /^method PUT not allowed on \/api\/datasets\/eurostat:teina200; it takes GET, HEAD$/, "PUT on a GET route");
    assert.equal(put.headers.allow, "GET, HEAD");
    const del = await inject("DELETE", "/api/events");
    assertErrorShape(del, 405, /it takes GET, HEAD, POST$/, "DELETE on events");
  });

  test("a malformed URL (400) and a path parameter over 200 characters (414) answer in the API's shape", async () => {
    assertErrorShape(await inject("GET", "/api/datasets/%E0%A4%A"), 400, /^the URL is not valid/, "bad percent-encoding (inject)");
    assertErrorShape(await raw("GET /api/datasets/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, /^the URL is not valid/, "bad percent-encoding (TCP)");
    assertErrorShape(await inject("GET", `/api/datasets/${"x".repeat(300)}`), 414, /^a path parameter is longer than 200 characters$/, "long parameter");
  });

  test("a body over 1 MB is 413 and a body that is not JSON 415, in the API's shape", async () => {
    const headers = { "content-type": "application/json", authorization: "Bearer shape-token" };
    assertErrorShape(await inject("POST", "/api/events", `{"x":"${"a".repeat(1_100_000)}"}`, headers), 413, /^the request body is larger than 1000000 bytes$/, "body too large");
    assertErrorShape(await inject("POST", "/api/events", "<event/>", { ...headers, "content-type": "application/xml" }), 415, /Content-Type is not accepted/, "media type");
  });

  test("headers over 16 KiB (431) and a malformed request line (400) answer in the API's shape over TCP", async () => {
    assertErrorShape(await raw(`GET /api/sources HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`), 431, /request headers too large/, "431");
    assertErrorShape(await raw("GET /api/sources HTTP/1.1 extra\r\nHost: x\r\n\r\n"), 400, /^malformed HTTP request/, "bad request line");
  });

  test("an internal error is 500 without details, its stack in the log", async () => {
    const store = api.store as { listReleases: unknown };
    const original = store.listReleases;
    store.listReleases = () => Promise.reject(new Error("disk on fire"));
    try {
      const answer = await inject("GET", "/api/datasets/eurostat:teina200");
      assertErrorShape(answer, 500, /^internal error \(logged on the server\)$/, "500");
      assert.ok(!answer.body.includes("disk on fire"));
      assert.ok(api.log.some((line) => line.startsWith("ERROR GET /api/datasets/eurostat:teina200: Error: disk on fire")));
    } finally {
      store.listReleases = original;
    }
  });

  test("writes over the rate limit are 429 with Retry-After, before the token is checked", async () => {
    const limited = await startApi("shape-token", { writeRateLimit: { burst: 2, perMinute: 6 } });
    try {
      const post = () => limited.app.inject({ method: "POST", url: "/api/update", payload: "{}", headers: { "content-type": "application/json", authorization: "Bearer wrong" } });
      assert.equal((await post()).statusCode, 403);
      assert.equal((await post()).statusCode, 403);
      const third = await post();
      assertErrorShape({ status: third.statusCode, headers: third.headers, body: third.body }, 429, /^too many writes from 127\.0\.0\.1: at most 2 at once and 6 a minute; retry in 10 s$/, "429");
      assert.equal(third.headers["retry-after"], "10");
      assert.equal((await limited.app.inject({ method: "GET", url: "/api/sources" })).statusCode, 200, "reads are not limited");
      assert.ok(limited.log.some((line) => line.endsWith("anonymous POST /api/update -> 429") || line.endsWith("POST /api/update -> 429")));
    } finally {
      await limited.close();
    }
  });
});

describe("security headers", () => {
  test("API answers and explorer pages carry CSP, nosniff, X-Frame-Options and Referrer-Policy; the explorer's CSP allows its own script only", async () => {
    const json = await inject("GET", "/api/sources");
    assert.equal(json.status, 200);
    assert.equal(json.headers["content-security-policy"], "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    const page = await inject("GET", "/?lang=en");
    assert.equal(page.status, 200);
    const csp = String(page.headers["content-security-policy"]);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    for (const answer of [json, page]) {
      assert.equal(answer.headers["x-content-type-options"], "nosniff");
      assert.equal(answer.headers["x-frame-options"], "DENY");
      assert.equal(answer.headers["referrer-policy"], "no-referrer");
    }
    // The page's one executable script is a same-origin file, which script-src 'self' lets run.
    const scripts = [...page.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? "");
    assert.deepEqual(scripts.filter((a) => !/type="application\/json"/.test(a)).map((a) => /src="([^"]+)"/.exec(a)?.[1]?.split("?")[0]), ["/assets/explorer.js"]);
  });
});
