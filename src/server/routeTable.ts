// The routes of the API declared once: method, path, the zod schemas of the path and query parameters (and body),
// and the answers. `addRoute` registers a declaration with fastify and validates every request against its
// schemas; openapi.ts writes the OpenAPI document from the same declarations (STYLE.md rule 17).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { UsageError } from "../core/index.ts";

/** A zod object of parameters. */
export type ParameterSchema = z.ZodObject<z.ZodRawShape>;

/** One documented answer of a route: its description and the media types it comes in. */
export interface AnswerDoc {
  readonly description: string;
  readonly types: readonly string[];
}

/** A route as declared: everything the server and the OpenAPI document need. */
export interface RouteSpec<P extends ParameterSchema = ParameterSchema, Q extends ParameterSchema = ParameterSchema, B extends z.ZodType = z.ZodType> {
  readonly method: "GET" | "POST";
  /** The fastify path, with `:name` path parameters. */
  readonly url: string;
  /** The OpenAPI tag (the route group). */
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly params: P;
  readonly query: Q;
  /** The JSON body of a write. */
  readonly body?: B;
  /** True for writes that need the admin token. */
  readonly admin?: boolean;
  /** Successful answers by status code; the error answers (400, 404, ...) are added by openapi.ts. */
  readonly answers: Readonly<Record<string, AnswerDoc>>;
}

/** The parsed input a route handler receives. */
export interface RouteInput<P extends ParameterSchema, Q extends ParameterSchema, B extends z.ZodType> {
  readonly params: z.output<P>;
  readonly query: z.output<Q>;
  readonly body: z.output<B>;
  /** Who made an admin request (from the token, see auth.ts); null on read routes. */
  readonly who: string | null;
}

/** A route handler: returns the value to send (fastify serialises it) or the reply it already sent. */
export type RouteHandler<P extends ParameterSchema, Q extends ParameterSchema, B extends z.ZodType> =
  (input: RouteInput<P, Q, B>, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** The declarations of every registered route, in registration order, and the check admin routes pass first. */
export class RouteTable {
  readonly specs: RouteSpec[] = [];
  /** Returns who makes an admin request, or throws (HTTP 401/403); runs before any parameter is read. */
  readonly authorize: (request: FastifyRequest) => string;
  constructor(authorize: (request: FastifyRequest) => string) {
    this.authorize = authorize;
  }
}

/** A schema with no parameters: any parameter given is an error. */
export const noParameters = z.strictObject({});

/** The names of the parameters of `schema` that may repeat (their JSON Schema type is an array). */
export function repeatableParameters(schema: ParameterSchema): Set<string> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { type?: unknown }> };
  return new Set(Object.entries(json.properties ?? {}).filter(([, p]) => p.type === "array").map(([name]) => name));
}

function shortValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Validates raw path or query parameters against `schema`. A repeatable parameter given once becomes a list of
 * one; any other parameter given twice is an error. Throws UsageError (HTTP 400) naming the parameter and the
 * reason for the first problem: an unknown parameter (listing the known ones), a missing one, a bad value.
 */
export function parseParameters<S extends ParameterSchema>(schema: S, raw: unknown, where: "path" | "query", repeatable: ReadonlySet<string>): z.output<S> {
  // No prototype: a parameter named __proto__ is then an unknown parameter like any other, not a prototype write.
  const input = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value) && !repeatable.has(name)) throw new UsageError(`${where} parameter ${name} is given ${value.length} times; give it once`);
    input[name] = repeatable.has(name) && !Array.isArray(value) ? [value] : value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new UsageError(`bad ${where} parameters`);
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(schema.shape);
    throw new UsageError(`unknown ${where} parameter ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; this route takes ${known.length === 0 ? "none" : known.join(", ")}`);
  }
  const name = String(issue.path[0] ?? "");
  const given = input[name];
  if (given === undefined) throw new UsageError(`${where} parameter ${name} is required`);
  const value = issue.path.length > 1 && Array.isArray(given) ? given[Number(issue.path[1])] : given;
  throw new UsageError(`${where} parameter ${name}: ${issue.message} (got ${shortValue(value)})`);
}

/**
 * Registers a declared route with fastify and records it in `table`. An admin route first passes
 * `table.authorize`; path and query parameters are validated before the handler runs (UsageError, HTTP 400, for any problem); so is the body when the route declares one.
 */
export function addRoute<P extends ParameterSchema, Q extends ParameterSchema, B extends z.ZodType = z.ZodUnknown>(
  app: FastifyInstance, table: RouteTable, spec: RouteSpec<P, Q, B>, handler: RouteHandler<P, Q, B>,
): void {
  table.specs.push(spec as unknown as RouteSpec);
  const repeatPath = repeatableParameters(spec.params);
  const repeatQuery = repeatableParameters(spec.query);
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      const who = spec.admin === true ? table.authorize(request) : null;
      const params = parseParameters(spec.params, request.params, "path", repeatPath);
      const query = parseParameters(spec.query, request.query, "query", repeatQuery);
      let body: unknown = request.body;
      if (spec.body !== undefined) {
        const parsed = spec.body.safeParse(request.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join(".") ?? "";
          throw new UsageError(`body${field === "" ? "" : ` field ${field}`}: ${issue?.message ?? "invalid"}`);
        }
        body = parsed.data;
      }
      return handler({ params, query, body: body as z.output<B>, who }, request, reply);
    },
  });
}
