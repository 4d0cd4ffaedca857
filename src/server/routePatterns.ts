// Which methods a path is served with, for the 405 answer: fastify's router answers a known path with another
// method as not found, and its lookup by concrete path is not public, so the route patterns are recorded as routes
// are added (the onRoute hook) and matched here. A pattern is fastify's: `:name` is one path segment, `*` the rest.

function compile(url: string): RegExp {
  const parts = url.split(/(:[A-Za-z0-9_]+|\*)/).map((part) => {
    if (part === "*") return ".*";
    if (part.startsWith(":")) return "[^/]+";
    return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`^${parts.join("")}/?$`);
}

/** The route patterns of a server with their methods. */
export class RoutePatterns {
  private readonly routes: { readonly pattern: RegExp; readonly method: string }[] = [];

  /** Records that `url` (a fastify route pattern) is served with `method`. */
  add(method: string, url: string): void {
    this.routes.push({ pattern: compile(url), method: method.toUpperCase() });
  }

  /** The methods some route serves `path` with (a concrete, percent-encoded path without query), sorted. */
  methodsFor(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) methods.add(route.method);
    return [...methods].sort();
  }
}
