// The OpenAPI 3.1 document of the API, written from the route declarations: each parameter's JSON Schema comes
// from the zod schema that validates it (z.toJSONSchema), so the document cannot drift from the validation.
import { z } from "zod";
import { maxBodyBytes } from "./errors.ts";
import { defaultPageLimit, maxPageLimit } from "./paging.ts";
import { defaultWriteRateLimit } from "./rateLimit.ts";
import type { RouteSpec } from "./routeTable.ts";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

const errorSchema: JsonSchema = {
  type: "object",
  description: "The one shape of every error answer (4xx and 5xx), including those of the router and the HTTP parser: " +
    "400 malformed URL or request, 404 unknown route, 405 another method (with Allow), 413, 414 a path parameter over 200 characters, 415, 429, 431, 500.",
  properties: { status: { type: "integer", description: "the HTTP status, repeated" }, error: { type: "string", description: "one line naming what is wrong and where" } },
  required: ["status", "error"],
  additionalProperties: false,
};

function parameters(spec: RouteSpec): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [["path", spec.params], ["query", spec.query]] as const) {
    const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...rest } = property;
      out.push({
        name, in: where,
        required: where === "path" || (object.required ?? []).includes(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
        ...(rest.type === "array" ? { style: "form", explode: true } : {}),
      });
    }
  }
  return out;
}

/** The Link header of a paged answer (a route whose query takes `limit`). */
const nextLink: JsonSchema = {
  description: "<URL of the following page>; rel=\"next\" (RFC 8288); absent on the last page",
  schema: { type: "string" },
};

function responses(spec: RouteSpec): JsonSchema {
  const out: JsonSchema = {};
  const paged = "limit" in spec.query.shape;
  for (const [status, answer] of Object.entries(spec.answers)) {
    out[status] = {
      description: answer.description,
      ...(paged && status === "200" ? { headers: { Link: nextLink } } : {}),
      content: Object.fromEntries(answer.types.map((t) => [t, {}])),
    };
  }
  if (spec.method === "GET") out["304"] = { description: "not modified: the If-None-Match tag is still current" };
  const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
  out["400"] = error("a bad parameter: the message names it and says why");
  if (spec.url.includes(":") || spec.tag === "analysis") out["404"] = error("an unknown id (dataset, release, event, series, layer)");
  if (spec.admin === true) {
    out["401"] = error("no Authorization: Bearer header");
    out["403"] = error("the server is read-only (MIGMON_ADMIN_TOKEN not set) or the token is wrong");
    out["413"] = error(`the request body is larger than ${maxBodyBytes} bytes`);
    out["415"] = error("the request body is not application/json");
    out["429"] = {
      ...error(`too many writes from this client address (a token bucket: ${defaultWriteRateLimit.burst} at once, then ${defaultWriteRateLimit.perMinute} a minute, unless the server is configured otherwise); checked before the token`),
      headers: { "Retry-After": { description: "seconds until a write is accepted again", schema: { type: "integer" } } },
    };
  }
  out["422"] = error("the request is well formed but the data cannot answer it (too few observations, a gap, a register rule)");
  return out;
}

/**
 * The OpenAPI 3.1 document for the declared routes: paths (fastify's `:name` written `{name}`), parameters with
 * the JSON Schema of their zod schema, request bodies of writes, answers, and the bearer scheme of admin routes.
 */
export function buildOpenApi(specs: readonly RouteSpec[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of specs) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, "{$1}");
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      operationId: `${spec.method.toLowerCase()}${path.replace(/[{}]/g, "").split(/[/_.-]/).map((w) => (w === "" ? "" : w[0]?.toUpperCase() + w.slice(1))).join("")}`,
      parameters: parameters(spec),
      ...(spec.body === undefined ? {} : { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body) } } } }),
      ...(spec.admin === true ? { security: [{ adminToken: [] }] } : {}),
      responses: responses(spec),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Migration Monitor API",
      version,
      description: "Read API of the Migration Monitor: sources, datasets and their releases, observations (latest or as published), " +
        "the policy and context register, the Belgian geography and boundaries, and analysis methods on one series. " +
        "Responses carry ETag and Cache-Control; send If-None-Match to get 304. Writes need Authorization: Bearer <MIGMON_ADMIN_TOKEN>. " +
        `Lists and observations are paged: \`limit\` rows (default ${defaultPageLimit}, at most ${maxPageLimit}; more is a 400), the following page at ` +
        "the URL in `next` and in the Link header (rel=\"next\"), its opaque `cursor` holding the ordering key of the last row sent. Every error has the shape of Error.",
    },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { adminToken: { type: "http", scheme: "bearer", description: "the value of MIGMON_ADMIN_TOKEN on the server" } },
    },
  };
}
