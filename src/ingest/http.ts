import { setTimeout as delay } from "node:timers/promises";
import { DownloadError } from "../core/index.ts";
import type { HttpGet, HttpRequest, HttpResponse } from "../core/index.ts";

export interface HttpOptions {
  /** Time allowed for the answer's headers, per attempt. */
  readonly timeoutMs?: number;
  /** Further attempts after a network error, a time-out, 429 or a 5xx answer. */
  readonly retries?: number;
  /** First wait between attempts; doubled at each retry. */
  readonly backoffMs?: number;
  readonly userAgent?: string;
  /** Where retries are reported (stderr in the CLI). */
  readonly log?: (line: string) => void;
  /** The network itself; tests pass their own. */
  readonly fetchImpl?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

const retryableStatus = (status: number) => status === 429 || status >= 500;

/**
 * Builds the HttpGet effect the connectors are given: global fetch with a time-out per attempt and retries with
 * exponential back-off on network errors, time-outs, 429 and 5xx (honouring Retry-After in seconds). Other
 * answers (2xx, 3xx followed, 4xx) are returned as they are: the connector decides what a 404 or 413 means.
 * Throws DownloadError naming the URL once the attempts are used up.
 */
export function createHttpGet(options: HttpOptions = {}): HttpGet {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 1_000;
  const fetchImpl = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const userAgent = options.userAgent ?? "migmon/0.1 (+https://github.com/migmon)";

  return async function httpGet(request: HttpRequest): Promise<HttpResponse> {
    let lastProblem = "";
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        const wait = backoffMs * 2 ** (attempt - 1);
        options.log?.(`retrying ${request.url} in ${wait} ms (${lastProblem})`);
        await sleep(wait);
      }
      let response: Response;
      try {
        response = await fetchImpl(request.url, {
          headers: { "user-agent": userAgent, ...(request.accept ? { accept: request.accept } : {}) },
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "follow",
        });
      } catch (error) {
        lastProblem = describeFetchError(error, timeoutMs);
        continue;
      }
      if (retryableStatus(response.status) && attempt < retries) {
        lastProblem = `HTTP ${response.status}`;
        const retryAfter = Number(response.headers.get("retry-after"));
        await response.body?.cancel();
        if (Number.isFinite(retryAfter) && retryAfter > 0) await sleep(Math.min(retryAfter, 60) * 1000);
        continue;
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => { headers[name.toLowerCase()] = value; });
      return { url: response.url || request.url, status: response.status, headers, body: bodyOf(response) };
    }
    throw new DownloadError(`could not download ${request.url} after ${retries + 1} attempts: ${lastProblem}`);
  };
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}

async function* bodyOf(response: Response): AsyncIterable<Uint8Array> {
  if (!response.body) return;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
