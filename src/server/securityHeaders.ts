// The security headers of every answer. The explorer's pages load one bundled script and one stylesheet from the
// same origin and call the API there; Observable Plot writes `style` attributes and a <style> element into its
// SVG, so styles may be inline while scripts may not (the JSON config in the page is a data block, which CSP does
// not treat as a script). API answers are data, never a document: nothing may load or frame them.

const explorerPolicy = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join("; ");

const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The headers for an answer to `url`: Content-Security-Policy (the explorer's policy for pages and assets, a
 * deny-all one under /api), X-Content-Type-Options nosniff, X-Frame-Options DENY (frame-ancestors for browsers that
 * read CSP) and Referrer-Policy no-referrer (explorer URLs carry the view's state; the publishers need none of it).
 */
export function securityHeaders(url: string): Record<string, string> {
  return {
    "content-security-policy": url === "/api" || url.startsWith("/api/") || url.startsWith("/api?") ? apiPolicy : explorerPolicy,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
  };
}
