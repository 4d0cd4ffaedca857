import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpGet, HttpResponse } from "../../../../src/core/index.ts";

/** One recorded answer: status, content type and body. */
export interface RecordedAnswer {
  readonly status: number;
  readonly type: string;
  readonly body: Uint8Array | string;
}

/** A route answers the path+query of a request; it may answer differently on each call (n counts from 1). */
export type Route = (pathAndQuery: string, n: number) => RecordedAnswer | undefined;

/** A local HTTP server on 127.0.0.1 that serves recorded answers, and the requests it saw. */
export interface LocalServer {
  readonly base: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 on a free port; unknown paths get 404 with a one-line text. */
export async function startLocalServer(route: Route): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    requests.push(path);
    const answer = route(path, requests.filter((r) => r === path).length);
    if (answer === undefined) {
      res.writeHead(404, { "content-type": "text/plain", connection: "close" });
      res.end(`no such resource: ${path}\n`);
      return;
    }
    // no keep-alive: a socket idle while a test parses could be reused just as the server times it out
    res.writeHead(answer.status, { "content-type": answer.type, connection: "close" });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** A small HttpGet on the global fetch, as a test stand-in for the ingest pipeline's (no retries, no cache). */
export const fetchHttpGet: HttpGet = async (request) => {
  const answer = await fetch(request.url, { headers: request.accept === undefined ? {} : { accept: request.accept } });
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const body = answer.body;
  const response: HttpResponse = {
    url: answer.url,
    status: answer.status,
    headers,
    body: body === null ? (async function* () {})() : (body as unknown as AsyncIterable<Uint8Array>),
  };
  return response;
};
