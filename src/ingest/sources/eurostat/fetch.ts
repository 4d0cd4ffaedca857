import { DownloadError, readBody } from "../../../core/index.ts";
import type { HttpGet, HttpResponse, LiveSource } from "../../../core/index.ts";

/** The Eurostat dissemination API (https://ec.europa.eu/eurostat/api/dissemination). */
export const eurostatApiBase = "https://ec.europa.eu/eurostat/api/dissemination";

/** The formats we download from Eurostat: the bulk TSV, SDMX-CSV and JSON-stat 2.0. */
export type EurostatDownloadFormat = "tsv" | "sdmx-csv" | "jsonstat";

export interface EurostatRequest {
  /** Dataset code, e.g. `migr_imm1ctz`. */
  readonly code: string;
  readonly format: EurostatDownloadFormat;
  /** Dimension filters (JSON-stat only), e.g. `{ geo: ["BE"], sinceTimePeriod: ["2010"] }`. */
  readonly filters?: Readonly<Record<string, readonly string[]>>;
  /** Another host with the same paths (a mirror, or a test server on 127.0.0.1). */
  readonly baseUrl?: string;
}

export interface AsyncPolling {
  /** Wait between two status requests. */
  readonly intervalMs: number;
  /** Give up after this long. */
  readonly maxWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly log?: (line: string) => void;
}

/** The URL of a dataset in one format: bulk TSV and SDMX-CSV (gzip) from the SDMX 2.1 endpoint, JSON-stat from the statistics endpoint. */
export function eurostatDataUrl(request: EurostatRequest): string {
  const base = (request.baseUrl ?? eurostatApiBase).replace(/\/$/, "");
  const code = encodeURIComponent(request.code.toLowerCase());
  switch (request.format) {
    case "tsv":
      return `${base}/sdmx/2.1/data/${code}?format=TSV&compress=true`;
    case "sdmx-csv":
      return `${base}/sdmx/2.1/data/${code}?format=SDMX-CSV&compress=true`;
    case "jsonstat": {
      const params = new URLSearchParams({ format: "JSON", lang: "EN" });
      for (const [name, values] of Object.entries(request.filters ?? {})) {
        for (const value of values) params.append(name, value);
      }
      return `${base}/statistics/1.0/data/${code}?${params.toString()}`;
    }
  }
}

/** What an answer says about asynchronous delivery, read from Eurostat's small XML status messages. */
export interface AsyncAnswer {
  readonly key: string;
  /** SUBMITTED, PROCESSING, AVAILABLE, EXPIRED, UNKNOWN_REQUEST, ... */
  readonly status: string;
}

/**
 * Reads Eurostat's asynchronous-delivery message (`<key>…</key><status>SUBMITTED</status>` inside a SOAP-style
 * envelope) from a small XML answer; null when the text is not such a message.
 */
export function readAsyncStatus(xml: string): AsyncAnswer | null {
  const key = /<(?:\w+:)?key>\s*([^<\s]+)\s*<\/(?:\w+:)?key>/.exec(xml)?.[1];
  const status = /<(?:\w+:)?status>\s*([A-Z_]+)\s*<\/(?:\w+:)?status>/.exec(xml)?.[1];
  return key && status ? { key, status } : null;
}

/** Reads the "extraction too big" fault (HTTP 413) into its message, or null. */
export function readTooBigFault(xml: string): string | null {
  const m = /<faultstring>([^<]*)<\/faultstring>/.exec(xml);
  return m?.[1] && /TOO_BIG|413/.test(xml) ? m[1].trim() : null;
}

const smallAnswerLimit = 64 * 1024;

/**
 * Downloads one Eurostat dataset and returns the answer that carries the data. When Eurostat answers that the
 * data will be delivered asynchronously, polls `1.0/async/status/{key}` until AVAILABLE and then fetches
 * `1.0/async/data/{key}`. Throws DownloadError for a 413 "extraction too big" answer (with Eurostat's text), for an
 * expired or unknown asynchronous request, for any other non-2xx answer and when polling runs out of time.
 */
export async function fetchEurostat(http: HttpGet, request: EurostatRequest, polling: AsyncPolling): Promise<HttpResponse> {
  const url = eurostatDataUrl(request);
  const answer = await http({ url });
  if (answer.status === 413) {
    const text = new TextDecoder().decode(await readBody(answer.body));
    throw new DownloadError(`Eurostat refused ${request.code} as too large: ${readTooBigFault(text) ?? text.slice(0, 200)}`);
  }
  if (answer.status < 200 || answer.status >= 300) {
    const text = new TextDecoder().decode(await readBody(answer.body)).slice(0, 200);
    throw new DownloadError(`HTTP ${answer.status} for ${url}${text ? `: ${text.replace(/\s+/g, " ")}` : ""}`);
  }
  if (!looksLikeXmlMessage(answer)) return answer;
  // A small XML answer to a TSV/CSV/JSON request is a status message, not data.
  const text = new TextDecoder().decode(await readBody(answer.body));
  const asyncAnswer = readAsyncStatus(text);
  if (!asyncAnswer) {
    return { ...answer, body: once(new TextEncoder().encode(text)) };
  }
  return await pollAsync(http, request, asyncAnswer, polling);
}

function looksLikeXmlMessage(answer: HttpResponse): boolean {
  const type = answer.headers["content-type"] ?? "";
  const length = Number(answer.headers["content-length"] ?? "0");
  return /xml/.test(type) && (length === 0 || length < smallAnswerLimit);
}

async function pollAsync(http: HttpGet, request: EurostatRequest, first: AsyncAnswer, polling: AsyncPolling): Promise<HttpResponse> {
  const base = (request.baseUrl ?? eurostatApiBase).replace(/\/$/, "");
  const key = encodeURIComponent(first.key);
  let status = first.status;
  let waited = 0;
  polling.log?.(`Eurostat delivers ${request.code} asynchronously (key ${first.key}); waiting`);
  while (status !== "AVAILABLE") {
    if (status === "EXPIRED" || status === "UNKNOWN_REQUEST" || status === "ERROR") {
      throw new DownloadError(`Eurostat asynchronous request ${first.key} for ${request.code} ended as ${status}`);
    }
    if (waited >= polling.maxWaitMs) {
      throw new DownloadError(`Eurostat asynchronous request ${first.key} for ${request.code} not ready after ${waited} ms (last status ${status})`);
    }
    await polling.sleep(polling.intervalMs);
    waited += polling.intervalMs;
    const answer = await http({ url: `${base}/1.0/async/status/${key}` });
    const text = new TextDecoder().decode(await readBody(answer.body));
    if (answer.status < 200 || answer.status >= 300) {
      throw new DownloadError(`HTTP ${answer.status} for the status of Eurostat asynchronous request ${first.key}`);
    }
    const next = readAsyncStatus(text);
    if (!next) throw new DownloadError(`unreadable status answer for Eurostat asynchronous request ${first.key}: ${text.slice(0, 120)}`);
    status = next.status;
    polling.log?.(`Eurostat request ${first.key}: ${status}`);
  }
  const data = await http({ url: `${base}/1.0/async/data/${key}` });
  if (data.status < 200 || data.status >= 300) {
    throw new DownloadError(`HTTP ${data.status} for the data of Eurostat asynchronous request ${first.key}`);
  }
  return data;
}

const downloadFormats: readonly string[] = ["tsv", "sdmx-csv", "jsonstat"] satisfies EurostatDownloadFormat[];

/**
 * Eurostat's live downloads: every dataset by its code from the dissemination API, as bulk TSV, SDMX-CSV or
 * JSON-stat (the catalogue's download format), waiting for an asynchronous delivery when Eurostat answers with one.
 */
export const eurostatLive: LiveSource = {
  base: eurostatApiBase,
  unavailable: ({ code, format, url }) => {
    if (!downloadFormats.includes(format)) return `Eurostat's API serves ${downloadFormats.join(", ")}, not ${format} (a file exported once); load the offline copy`;
    return url === undefined ? null : `the Eurostat connector builds its URL from the code (${code}); a catalogue URL is not read`;
  },
  fetch: async (http, request) => {
    const eurostat: EurostatRequest = { code: request.code, format: request.format as EurostatDownloadFormat, baseUrl: request.base };
    const answer = await fetchEurostat(http, eurostat, {
      intervalMs: request.pollIntervalMs, maxWaitMs: request.maxWaitMs, sleep: request.sleep, log: request.log,
    });
    return { name: eurostatDataUrl(eurostat), chunks: answer.body };
  },
};

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
