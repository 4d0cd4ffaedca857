// How errors become HTTP answers: a MigmonError answers with its own httpStatus and its one-line message; an error
// fastify raises for a malformed request (bad JSON, wrong content type, a body too large) keeps its 4xx status;
// anything else is a bug, logged with its stack and answered 500 without details.
import type { FastifyError, FastifyInstance } from "fastify";
import { MigmonError } from "../core/index.ts";
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

/** The body of every error answer. */
export interface ErrorBody {
  readonly status: number;
  readonly error: string;
}

/** The status and body an error is answered with (see the module comment). */
export function errorAnswer(error: unknown): ErrorBody {
  if (error instanceof MigmonError) return { status: error.httpStatus, error: error.message };
  const status = (error as Partial<FastifyError>).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const message = error instanceof Error ? error.message : String(error);
    return { status, error: message.split("\n")[0] ?? "bad request" };
  }
  return { status: 500, error: "internal error (logged on the server)" };
}

/**
 * Installs the error and not-found handlers on `app`: errors answer as `errorAnswer` says, in JSON; an unknown
 * path answers 404 naming the method and path. Answers of 500 are logged with the stack.
 */
export function installErrorHandlers(app: FastifyInstance, logger: ServerLogger): void {
  app.setErrorHandler((error, request, reply) => {
    const answer = errorAnswer(error);
    if (answer.status >= 500) {
      const stack = error instanceof Error && error.stack ? error.stack : String(error);
      logger.error(`${request.method} ${request.url}: ${stack}`);
    }
    if (answer.status === 401) void reply.header("www-authenticate", 'Bearer realm="migmon"');
    // An error found after the cache headers were set (an unknown dimension, say) must not be cached under them.
    void reply.removeHeader("etag");
    void reply.code(answer.status).header("cache-control", "no-store").type("application/json; charset=utf-8").send(answer);
  });
  app.setNotFoundHandler((request, reply) => {
    const answer: ErrorBody = { status: 404, error: `no route ${request.method} ${request.url.split("?")[0] ?? ""} (see /api/openapi.json)` };
    void reply.code(404).header("cache-control", "no-store").type("application/json; charset=utf-8").send(answer);
  });
}
