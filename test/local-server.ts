import http from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>;

/** Starts an HTTP server on 127.0.0.1 on a free port; tests never leave the machine. */
export async function startLocalServer(handler: Handler): Promise<{ url: string; close: () => Promise<void>; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? "");
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      response.statusCode = 599;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
