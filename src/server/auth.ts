// The write rule: writes need `Authorization: Bearer <MIGMON_ADMIN_TOKEN>`; without the variable the server is
// read-only. The token is compared in constant time through its SHA-256, and a request is logged under a short
// prefix of that hash, never the token itself.
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { ForbiddenError, UnauthorizedError } from "./errors.ts";

/** The name a token is logged under: `token:` and the first 8 hex digits of its SHA-256. */
export function tokenId(token: string): string {
  return `token:${createHash("sha256").update(token).digest("hex").slice(0, 8)}`;
}

/**
 * Returns a check for admin requests: with no `adminToken` every write is refused (ForbiddenError, 403, the
 * server is read-only); without a Bearer header it is UnauthorizedError (401); with another token ForbiddenError
 * (403). On success it returns the token id (`tokenId`) to log as who made the write.
 */
export function bearerCheck(adminToken: string | undefined): (request: FastifyRequest) => string {
  const expected = adminToken === undefined || adminToken === "" ? null : createHash("sha256").update(adminToken).digest();
  return (request) => {
    if (expected === null) throw new ForbiddenError("the server is read-only: writes need MIGMON_ADMIN_TOKEN to be set when it starts");
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer (\S+)$/i.exec(header.trim());
    if (match?.[1] === undefined) throw new UnauthorizedError("this write needs the header Authorization: Bearer <admin token>");
    const given = createHash("sha256").update(match[1]).digest();
    if (!timingSafeEqual(given, expected)) throw new ForbiddenError(`the admin token ${tokenId(match[1])} is not accepted`);
    return tokenId(match[1]);
  };
}
