// How errors become HTTP answers, all in one JSON shape `{ status, error }` (error: one line naming what is wrong):
// a MigmonError answers with its own httpStatus and message; an error fastify raises for a malformed request (bad
// JSON, wrong content type, a body too large) keeps its 4xx status; an unknown path is a 404 and a known path with
// another method a 405 with Allow; what fastify's router refuses before any route (a malformed URL, a path
// parameter too long) goes through `frameworkErrors`, and what Node's HTTP parser refuses before fastify sees a
// request (headers too large: 431, a malformed request line: 400, a timeout: 408) through `clientErrorHandler`,
// which writes the same shape on the socket. Anything else is a bug, logged with its stack and answered 500
// without details.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MigmonError } from "../core/index.ts";
import { RoutePatterns } from "./routePatterns.ts";
import { securityHeaders } from "./securityHeaders.ts";
import type { ServerLogger } from "./effects.ts";

/** A write without credentials while the server accepts writes: HTTP 401 with a Bearer challenge. */
export class UnauthorizedError extends MigmonError {
  constructor(message: string) {
    super(message, { exitCode: 1, httpStatus: 401 });
  }
}

/** A write the server refuses: it is read-only, or the token is wrong. HTTP 403. */
export class ForbiddenError extends MigmonError {
  constructor(message: string) {
    super(message, { exitCode: 1, httpStatus: 403 });
  }
}

/** Too many writes from one client in too short a time: HTTP 429, with Retry-After in whole seconds. */
export class TooManyRequestsError extends MigmonError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { exitCode: 1, httpStatus: 429 });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The body of every error answer. */
export interface ErrorBody {
  readonly status: number;
  readonly error: string;
}

/** A message of fastify or Node as one line of at most 200 characters (a bad URL is quoted in it). */
function oneLine(message: string): string {
  const line = message.split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The largest request body accepted, in bytes (app.ts gives it to fastify; the 413 answer quotes it). */
export const maxBodyBytes = 1_000_000;

/** Our words for fastify's own errors, whose messages quote a whole URL or say only the status. */
const fastifyMessages: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: "the URL is not valid: a % not followed by two hex digits, or escaped bytes that are not UTF-8",
  FST_ERR_MAX_PARAM_LENGTH: "a path parameter is longer than 200 characters",
  FST_ERR_CTP_BODY_TOO_LARGE: `the request body is larger than ${maxBodyBytes} bytes`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "the request body's Content-Type is not accepted: send application/json",
};

/** The status and body an error is answered with (see the module comment). */
export function errorAnswer(error: unknown): ErrorBody {
  if (error instanceof MigmonError) return { status: error.httpStatus, error: oneLine(error.message) };
  const { statusCode: status, code } = error as Partial<FastifyError>;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const known = code === undefined ? undefined : fastifyMessages[code];
    if (known !== undefined) return { status, error: known };
    const message = error instanceof Error ? error.message : String(error);
    return { status, error: oneLine(message) || (STATUS_CODES[status] ?? "bad request").toLowerCase() };
  }
  return { status: 500, error: "internal error (logged on the server)" };
}

/** Sends `answer` as the error answer: JSON, never cached, with the security headers of the path. */
function sendError(request: FastifyRequest, reply: FastifyReply, answer: ErrorBody): void {
  // An error found after the cache headers were set (an unknown dimension, say) must not be cached under them.
  void reply.removeHeader("etag").removeHeader("link");
  void reply.headers(securityHeaders(request.url)).code(answer.status).header("cache-control", "no-store")
    .type("application/json; charset=utf-8").send(answer);
}

/**
 * The `frameworkErrors` option of Fastify: errors its router raises before a route is chosen (a malformed
 * percent-encoding in the URL: 400; a path parameter over maxParamLength: 414), answered in the API's shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendError(request, reply, errorAnswer(error));
}

/** The status and body for an error of Node's HTTP parser (the `clientError` event), by its code. */
export function clientErrorAnswer(error: { code?: string }): ErrorBody {
  if (error.code === "HPE_HEADER_OVERFLOW") return { status: 431, error: "request headers too large (the server takes at most 16 KiB of request line and headers)" };
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return { status: 408, error: "request timeout: the request was not received in time" };
  return { status: 400, error: `malformed HTTP request (${error.code ?? "unreadable"})` };
}

/**
 * The `clientErrorHandler` option of Fastify: answers what Node's HTTP parser refuses (clientErrorAnswer) in the
 * API's shape, directly on the socket, then closes it (the stream cannot be read further). A reset socket gets nothing.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const answer = clientErrorAnswer(error);
  const body = JSON.stringify(answer);
  const headers = { ...securityHeaders("/api"), "cache-control": "no-store", "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)), connection: "close" };
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ""}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n${body}`);
  }
  socket.destroy(error);
}

/**
 * Installs the error and not-found handlers on `app` (before any route, so every route's pattern is recorded):
 * errors answer as `errorAnswer` says; an unknown path answers 404 naming the method and path, a path that exists
 * for other methods 405 with Allow listing them. Answers of 500 are logged with the stack; 429 carries Retry-After.
 */
export function installErrorHandlers(app: FastifyInstance, logger: ServerLogger): void {
  const patterns = new RoutePatterns();
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) patterns.add(method, route.url);
  });
  app.setErrorHandler((error, request, reply) => {
    const answer = errorAnswer(error);
    if (answer.status >= 500) {
      const stack = error instanceof Error && error.stack ? error.stack : String(error);
      logger.error(`${request.method} ${request.url}: ${stack}`);
    }
    if (answer.status === 401) void reply.header("www-authenticate", 'Bearer realm="migmon"');
    if (error instanceof TooManyRequestsError) void reply.header("retry-after", String(error.retryAfterSeconds));
    sendError(request, reply, answer);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const allowed = patterns.methodsFor(path);
    if (allowed.length > 0) {
      void reply.header("allow", allowed.join(", "));
      sendError(request, reply, { status: 405, error: `method ${request.method} not allowed on ${oneLine(path)}; it takes ${allowed.join(", ")}` });
      return;
    }
    sendError(request, reply, { status: 404, error: `no route ${request.method} ${oneLine(path)} (see /api/openapi.json)` });
  });
}
