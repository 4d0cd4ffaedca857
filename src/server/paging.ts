// Paging of every list and observation answer: `limit` (default 10,000 rows, at most 100,000) and `cursor`, an
// opaque token from the previous page's `next` link. A cursor is base64url JSON holding where the next page starts
// (the store's ordering key of the last row sent, never an offset, so a page does not shift when rows are added
// before it) and a hash of the route and every other query parameter, so a cursor used with other filters is a 400
// instead of a silently wrong page. The answer carries `next` (the full URL of the following page, null on the last)
// and the same URL in a `Link: <...>; rel="next"` header (RFC 8288), so CSV answers page too.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { UsageError } from "../core/index.ts";

/** Rows of a page when `limit` is not given. */
export const defaultPageLimit = 10_000;
/** The largest `limit` accepted; a larger one is a 400 naming it. */
export const maxPageLimit = 100_000;

/** The `limit` query parameter. */
export const limitSchema = z.string()
  .refine((t) => /^[1-9]\d{0,9}$/.test(t) && Number(t) <= maxPageLimit, `must be a whole number from 1 to ${maxPageLimit} (the largest page)`)
  .describe(`rows per page, 1 to ${maxPageLimit}; ${defaultPageLimit} when absent. Follow \`next\` (or the Link header with rel="next") for the following page`);

/** The `cursor` query parameter. */
export const cursorSchema = z.string()
  .regex(/^[A-Za-z0-9_-]{1,2000}$/, "must be the cursor of a previous answer (take the whole next link)")
  .describe("where the page starts: opaque, from the previous page's `next` link; absent for the first page");

/** The paging parameters, to spread into a route's query schema. */
export const pagingParameters = { limit: limitSchema.optional(), cursor: cursorSchema.optional() };

/** The description of paging that list routes add to their OpenAPI description. */
export const pagingDescription = `Paged: at most \`limit\` rows (default ${defaultPageLimit}, maximum ${maxPageLimit}); ` +
  "`next` is the full URL of the following page (null on the last) and is also sent as `Link: <url>; rel=\"next\"`. " +
  "The cursor holds the ordering key of the last row sent, so pages neither repeat nor skip rows.";

/** The page size a request asks for. */
export function pageLimit(limit: string | undefined): number {
  return limit === undefined ? defaultPageLimit : Number(limit);
}

/** A hash of the route path and every query parameter but limit and cursor: what a cursor is valid for. */
export function pagingScope(request: FastifyRequest): string {
  const [path = "", search = ""] = request.url.split("?", 2);
  const kept = [...new URLSearchParams(search)].filter(([name]) => name !== "limit" && name !== "cursor");
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return createHash("sha256").update(JSON.stringify([path, kept])).digest("base64url").slice(0, 16);
}

/** The cursor of the page that starts after `position`, valid for the request's scope. */
export function encodeCursor(request: FastifyRequest, position: Readonly<Record<string, unknown>>): string {
  return Buffer.from(JSON.stringify({ ...position, scope: pagingScope(request) })).toString("base64url");
}

const notACursor = "query parameter cursor: not a cursor of this route and these parameters; follow the next link of the previous page as it is";

/**
 * The position a cursor holds, checked by `shape` and against the request's scope. Throws UsageError (400) naming
 * the parameter for anything else: text that does not decode, another route's or other filters' cursor.
 */
export function decodeCursor<S extends z.ZodType>(request: FastifyRequest, cursor: string, shape: S): z.output<S> {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new UsageError(notACursor);
  }
  if (typeof payload !== "object" || payload === null || (payload as { scope?: unknown }).scope !== pagingScope(request)) throw new UsageError(notACursor);
  const parsed = shape.safeParse(payload);
  if (!parsed.success) throw new UsageError(notACursor);
  return parsed.data;
}

/**
 * The full URL of the following page (the request's own URL with `cursor` replaced), set as the Link header;
 * null, and no header, when there is none.
 */
export function linkNextPage(request: FastifyRequest, reply: FastifyReply, cursor: string | null): string | null {
  if (cursor === null) return null;
  const [path = "", search = ""] = request.url.split("?", 2);
  const params = new URLSearchParams(search);
  params.set("cursor", cursor);
  // A request without a Host header (HTTP/1.0) gets the path alone, which a client resolves against its own URL.
  const origin = typeof request.host === "string" && request.host !== "" ? `${request.protocol}://${request.host}` : "";
  const url = `${origin}${path}?${params.toString()}`;
  void reply.header("link", `<${url}>; rel="next"`);
  return url;
}

/**
 * One page of an in-memory list in its answer order: at most `limit` items after the item whose key is the cursor's
 * `after`, and the cursor of the following page. For lists the server holds whole anyway (catalogues, releases, the
 * register); the key is the item's id, so a page does not shift when items are added before it. Throws UsageError
 * when the cursor's item is no longer in the list.
 */
export function pageOfList<T>(request: FastifyRequest, items: readonly T[], keyOf: (item: T) => string,
  query: { readonly limit?: string; readonly cursor?: string }): { items: T[]; next: string | null } {
  const limit = pageLimit(query.limit);
  let start = 0;
  if (query.cursor !== undefined) {
    const { after } = decodeCursor(request, query.cursor, z.object({ after: z.string() }));
    const at = items.findIndex((item) => keyOf(item) === after);
    if (at < 0) throw new UsageError(`query parameter cursor: the row it continues after (${JSON.stringify(after.slice(0, 60))}) is gone; start again without a cursor`);
    start = at + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  const next = start + limit < items.length && last !== undefined ? encodeCursor(request, { after: keyOf(last) }) : null;
  return { items: page, next };
}
