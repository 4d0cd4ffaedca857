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
