// Entity tags and cache headers. A tag is derived from the release ids a response reads (so a proxy or CDN may
// keep it until a new release is loaded) or, for content that is not released (the register, the geography, the
// OpenAPI document), from the content itself. The request's path and query are part of the tag, since each URL
// is its own representation.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** How long a shared cache may keep a response before revalidating with If-None-Match (seconds). */
export const maxAgeSeconds = 300;

/** A strong entity tag over the request URL and the given state (release ids, or a content hash). */
export function entityTag(url: string, state: readonly (string | number)[]): string {
  const digest = createHash("sha256").update(url).update("\u0000").update(state.join(",")).digest("base64url");
  return `"${digest.slice(0, 27)}"`;
}

/** The SHA-256 of a text, as hex; used as the state of content that has no release. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** True when the request's If-None-Match names `tag` (weak or strong) or is `*`. */
export function matchesIfNoneMatch(request: FastifyRequest, tag: string): boolean {
  const header = request.headers["if-none-match"];
  if (header === undefined) return false;
  return header.split(",").map((t) => t.trim().replace(/^W\//, "")).some((t) => t === tag || t === "*");
}

/**
 * Sets ETag and Cache-Control on the reply; when the request already holds this tag, answers 304 without a body
 * and returns true (the route then sends nothing more).
 */
export function answerFromCache(request: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  void reply.header("etag", tag).header("cache-control", `public, max-age=${maxAgeSeconds}`);
  if (!matchesIfNoneMatch(request, tag)) return false;
  void reply.code(304).send();
  return true;
}
