import type { ParseInput } from "./parsed.ts";

/** An HTTP answer as the connectors see it: status, headers (lower-case names) and the body as a stream. */
export interface HttpResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: AsyncIterable<Uint8Array>;
}

export interface HttpRequest {
  readonly url: string;
  readonly accept?: string;
}

/**
 * The one network effect a connector is given (STYLE.md rule 10). The implementation in src/ingest retries
 * transient failures and applies time-outs; a connector's fetch.ts only builds requests and reads answers.
 */
export type HttpGet = (request: HttpRequest) => Promise<HttpResponse>;

/** Reads a whole response body into one buffer (for small answers such as JSON status messages). */
export async function readBody(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const part of body) {
    parts.push(part);
    length += part.byteLength;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/**
 * What a publisher's live download is asked for: one dataset of the catalogue, the root to ask it under, and
 * the effects it may use (STYLE.md rule 10). Built by src/ingest/live.ts from a catalogue entry.
 */
export interface LiveRequest {
  /** The dataset's code at the publisher: `migr_imm1ctz`, `TF_SOC_POP_STRUCT_2015`, `DF_MIG`. */
  readonly code: string;
  /** The format the catalogue reads the download as (one of the publisher's parsers). */
  readonly format: string;
  /** The data URL the catalogue names, moved under `base` when it lay under the publisher's default root. */
  readonly url?: string;
  /** The publisher's root: its public API, or the MIGMON_<PUBLISHER>_API override (a mirror, a 127.0.0.1 server). */
  readonly base: string;
  /** The clock, for queries that run "up to this year". */
  readonly now: Date;
  readonly log: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
  /** Asynchronous delivery (Eurostat): the wait between two status requests and the longest wait in all. */
  readonly pollIntervalMs: number;
  readonly maxWaitMs: number;
}

/**
 * How a publisher's folder registers its live downloads beside its parsers (src/ingest/live.ts gathers them).
 * `fetch` returns the dataset's bytes as parser input named by the URL it came from.
 */
export interface LiveSource {
  /** The publisher's public root, which MIGMON_<PUBLISHER>_API replaces. */
  readonly base: string;
  /** Why a dataset of this publisher cannot be downloaded live, or null when `fetch` can download it. */
  readonly unavailable: (dataset: Pick<LiveRequest, "code" | "format" | "url">) => string | null;
  readonly fetch: (http: HttpGet, request: LiveRequest) => Promise<ParseInput>;
}
