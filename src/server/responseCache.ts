// The server's own cache of whole answers (issue 16). An answer of the store's routes (sources, datasets,
// observations, indicators) depends only on the URL, the encoding and the state of the store, and the store changes
// only through this server's writes (DuckDB lets one process write; POST /api/update calls ReleaseState.forget). So
// the answer is kept under (state generation, encoding, route and normalised query) and given again, compressed
// already, without a store query: a repeated indicator query costs a map lookup instead of a DuckDB scan and a
// brotli pass. A write starts a new generation, so nothing kept from an earlier state is ever answered. Memory is
// bounded by bytes (least recently used dropped first), and one answer may take at most an eighth of the bound.
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { matchesIfNoneMatch } from "./caching.ts";
import { chooseEncoding } from "./responseCompression.ts";

/** The bytes the cache may hold unless MIGMON_RESPONSE_CACHE_MB says otherwise. */
export const defaultResponseCacheBytes = 64 * 1024 * 1024;

/** The routes whose answers depend on the URL and the store only (not on files that change, such as the register). */
const cachedPaths = /^\/api\/(sources|datasets|indicators)(\/|\?|$)/;

/** The headers an answer is given again with (the security and CORS headers are set per request anyway). */
const keptHeaders = ["content-type", "content-encoding", "content-disposition", "etag", "cache-control", "link", "vary"];

/** One kept answer. */
interface KeptAnswer {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** A map of answers bounded by their total bytes; the least recently used go first. */
export class ResponseCache {
  private readonly entries = new Map<string, KeptAnswer>();
  private held = 0;
  private generationNumber = 0;
  readonly maxBytes: number;

  constructor(maxBytes: number = defaultResponseCacheBytes) {
    this.maxBytes = maxBytes;
  }

  /** The state generation: it grows at every write, so keys of an earlier state are never asked for again. */
  get generation(): number {
    return this.generationNumber;
  }

  /** The bytes held now. */
  get bytes(): number {
    return this.held;
  }

  /** The answer kept under `key`, marked as the most recently used. */
  get(key: string): KeptAnswer | undefined {
    const found = this.entries.get(key);
    if (found === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found;
  }

  /** Keeps an answer unless it is larger than an eighth of the bound; drops the least recently used to make room. */
  set(key: string, answer: KeptAnswer): void {
    if (answer.body.length > this.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.entries.delete(key);
      this.held -= previous.body.length;
    }
    while (this.held + answer.body.length > this.maxBytes) {
      const oldest = this.entries.entries().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest[0]);
      this.held -= oldest[1].body.length;
    }
    this.entries.set(key, answer);
    this.held += answer.body.length;
  }

  /** Drops everything and starts a new generation; called after every write to the store. */
  invalidate(): void {
    this.entries.clear();
    this.held = 0;
    this.generationNumber += 1;
  }
}

/**
 * The route and its query with the parameters in one order (`?b=2&a=1` and `?a=1&b=2` are the same question); a
 * parameter's repeated values keep their order.
 */
export function normaliseUrl(url: string): string {
  const question = url.indexOf("?");
  if (question < 0) return url;
  const pairs = new URLSearchParams(url.slice(question + 1));
  const sorted = [...pairs.entries()].map(([k, v], i) => ({ k, v, i })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  return `${url.slice(0, question)}?${new URLSearchParams(sorted.map(({ k, v }): [string, string] => [k, v])).toString()}`;
}

function cacheKey(cache: ResponseCache, request: FastifyRequest): string | null {
  // GET only: a HEAD answer has no body to keep. The Host is part of the key because paged answers link their next
  // page by it.
  if (request.method !== "GET") return null;
  if (!cachedPaths.test(request.url) || request.headers.authorization !== undefined) return null;
  return `${cache.generation} ${chooseEncoding(request.headers["accept-encoding"]) ?? "identity"} ${request.headers.host ?? ""} ${normaliseUrl(request.url)}`;
}

async function readWhole(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Answers a cached route from the cache when it can (an onRequest hook: 304 when If-None-Match holds the kept tag),
 * and turns a streamed answer of a cached route into bytes (an onSend hook), so that compression and
 * `installResponseKeeping` see the whole answer. Install before installCompression.
 */
export function installResponseCache(app: FastifyInstance, cache: ResponseCache): void {
  // One request per key does the work while others asking the same wait for its answer: 100 clients that start
  // together would otherwise run the same store query 100 times before the first answer is kept.
  const inflight = new Map<string, Promise<void>>();
  const finishes = new WeakMap<FastifyRequest, () => void>();
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const key = cacheKey(cache, request);
    if (key === null) return;
    let kept = cache.get(key);
    const running = inflight.get(key);
    if (kept === undefined && running !== undefined) {
      // Bounded, so that a first request whose end is never seen cannot hold the others.
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      kept = cache.get(key);
    }
    if (kept === undefined) {
      if (!inflight.has(key)) {
        let finish = () => undefined as void;
        inflight.set(key, new Promise<void>((resolve) => { finish = resolve; }));
        finishes.set(request, () => { inflight.delete(key); finish(); });
      }
      return;
    }
    void reply.headers(kept.headers).header("x-cache", "hit");
    const tag = kept.headers.etag;
    if (tag !== undefined && matchesIfNoneMatch(request, tag)) return reply.code(304).send();
    return reply.send(kept.body);
  });
  // Whatever the answer (an error too), the waiting requests go on: from the cache, or doing the work themselves.
  app.addHook("onResponse", async (request: FastifyRequest) => { finishes.get(request)?.(); });
  app.addHook("onRequestAbort", async (request: FastifyRequest) => { finishes.get(request)?.(); });
  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode !== 200 || reply.getHeader("x-cache") !== undefined || !(payload instanceof Readable)) return payload;
    if (cacheKey(cache, request) === null) return payload;
    // A page is at most 100,000 rows (a few MB), held as rows by the route already; its bytes are kept whole here.
    return readWhole(payload);
  });
}

/** Keeps every 200 answer of a cached route as sent (compressed when it was); an onSend hook installed after installCompression. */
export function installResponseKeeping(app: FastifyInstance, cache: ResponseCache): void {
  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode !== 200 || reply.getHeader("x-cache") !== undefined) return payload;
    const key = cacheKey(cache, request);
    if (key === null || (typeof payload !== "string" && !Buffer.isBuffer(payload))) return payload;
    const headers: Record<string, string> = {};
    for (const name of keptHeaders) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    cache.set(key, { body: typeof payload === "string" ? Buffer.from(payload) : payload, headers });
    return payload;
  });
}
