// The import-direction rule of DESIGN.md §2: each folder of src/ may import only the folders listed for it, and
// the packages that tie a layer to a technology (storage drivers, HTTP) only from the layer that owns it.
// Kept as a small local rule because the layering is the project's own and must fail `npm test` when broken.
import path from "node:path";

/**
 * Which src/ areas each area may import (its own area is always allowed). Every folder of src/ must be listed:
 * a file in a folder that is not is itself an error, so a new folder cannot escape the rule.
 */
export const allowedImports = {
  core: [],
  i18n: ["core"],
  analysis: ["core"],
  store: ["core"],
  reference: ["core"],
  "ingest/sources": ["core"],
  ingest: ["core", "reference", "store", "ingest/sources"],
  events: ["core", "reference"],
  // indicators reads the distributions of analysis (exact Poisson intervals); analysis imports only core, so no cycle.
  indicators: ["core", "reference", "store", "analysis"],
  impact: ["core", "analysis", "events", "indicators", "reference"],
  assess: ["core", "i18n", "analysis", "reference", "store", "events", "indicators"],
  charts: ["core", "i18n"],
  // publications reads figures through indicators, events, analysis, assess and charts, never the store directly.
  publications: ["core", "i18n", "analysis", "reference", "ingest", "events", "indicators", "impact", "charts", "assess"],
  server: ["core", "i18n", "analysis", "store", "reference", "ingest", "ingest/sources", "events", "indicators", "impact", "charts", "assess", "publications"],
  // web runs in the browser: from server it takes only `import type` (the API's answer types), never code.
  web: ["core", "i18n", "charts", "server"],
  cli: ["core", "i18n", "analysis", "store", "reference", "ingest", "ingest/sources", "events", "indicators", "impact", "charts", "server", "assess", "publications"],
};

/** Areas that may import from another area only types (erased at build time), with the area they read. */
const typeOnlyImports = { web: ["server"] };

/**
 * Packages that tie code to one technology, and the areas (or, with `files`, the files of an area) that may import
 * them: a storage driver only in store, an HTTP server library only in server, an HTTP client only in ingest's
 * fetch modules (and node's http in server, which listens).
 */
export const packageRules = [
  { what: "a storage driver", pattern: /^(@duckdb\/.*|duckdb|pg|pg-copy-streams|pg-.*|better-sqlite3|@electric-sql\/pglite)$/, areas: ["store"] },
  { what: "an HTTP server library", pattern: /^(fastify|@fastify\/.*|express|koa|hapi)$/, areas: ["server"] },
  { what: "an HTTP client", pattern: /^(undici|node-fetch|axios|got|superagent)$/, areas: [], files: [/^ingest\/(sources\/[^/]+\/fetch|download)[^/]*\.ts$/] },
  { what: "node's HTTP", pattern: /^(node:)?(http|https|http2)$/, areas: ["server"], files: [/^ingest\/(sources\/[^/]+\/fetch|download)[^/]*\.ts$/] },
];

/** Areas whose modules do no I/O of their own: effects are passed in (DESIGN.md §2). */
const pureAreas = ["core", "analysis", "ingest/sources"];
const ioModules = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|worker_threads)$/;

/** The path under src/ ("a/b.ts"), or null outside src/. */
function underSrc(file, srcRoot) {
  const rel = path.relative(srcRoot, file).split(path.sep).join("/");
  return rel.startsWith("..") || path.isAbsolute(rel) ? null : rel;
}

/** The area of a path under src/, or undefined when its folder is not listed (or it sits in src/ itself). */
function areaOfRelative(rel) {
  if (rel.startsWith("ingest/sources/")) return "ingest/sources";
  const parts = rel.split("/");
  if (parts.length < 2) return undefined;
  return parts[0] in allowedImports ? parts[0] : undefined;
}

/** The package a bare import names: "@scope/name" or "name" (node: builtins as written). */
function packageOf(source) {
  if (source.startsWith("node:")) return source;
  const parts = source.split("/");
  return source.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === "type" || s.exportKind === "type");
}

export default {
  meta: { type: "problem", schema: [], messages: {
    direction: "{{from}}/ may not import {{to}}/ (DESIGN.md §2: {{from}} -> {{allowed}})",
    io: "{{from}}/ does no I/O of its own: pass the effect in instead of importing {{module}}",
    unknownArea: "src/{{folder}} is not an area of the import-direction rule: list it in eslint/import-direction.js (allowedImports) with the areas it may import",
    unknownTarget: "{{from}}/ imports src/{{folder}}, which is not an area of the import-direction rule",
    typeOnly: "{{from}}/ may take only types from {{to}}/ (use `import type`): {{to}} code does not run in the browser",
    package: "{{from}}/ may not import {{module}}, {{what}} (DESIGN.md §2: only {{owners}})",
  } },
  create(context) {
    const file = context.filename;
    const srcRoot = path.join(context.cwd, "src");
    const rel = underSrc(file, srcRoot);
    if (rel === null) return {};
    const from = areaOfRelative(rel);
    function check(node, source) {
      if (typeof source !== "string" || from === undefined) return;
      if (!source.startsWith(".")) {
        if (ioModules.test(source) && pureAreas.includes(from)) {
          context.report({ node, messageId: "io", data: { from, module: source } });
          return;
        }
        const name = packageOf(source);
        for (const rule of packageRules) {
          if (!rule.pattern.test(name)) continue;
          const allowed = rule.areas.includes(from) || (rule.files ?? []).some((f) => f.test(rel));
          if (!allowed) {
            const owners = [...rule.areas.map((a) => `${a}/`), ...(rule.files ?? []).map(() => "ingest's fetch modules")].join(", ");
            context.report({ node, messageId: "package", data: { from, module: source, what: rule.what, owners } });
          }
        }
        return;
      }
      const targetRel = underSrc(path.resolve(path.dirname(file), source), srcRoot);
      if (targetRel === null) return;
      const to = areaOfRelative(targetRel);
      if (to === undefined) {
        context.report({ node, messageId: "unknownTarget", data: { from, folder: targetRel.split("/")[0] } });
        return;
      }
      if (to === from) return;
      const allowed = allowedImports[from];
      if (!allowed.includes(to)) {
        context.report({ node, messageId: "direction", data: { from, to, allowed: allowed.join(", ") || "nothing" } });
        return;
      }
      if ((typeOnlyImports[from] ?? []).includes(to) && !isTypeOnly(node)) {
        context.report({ node, messageId: "typeOnly", data: { from, to } });
      }
    }
    return {
      Program(node) {
        if (from === undefined) context.report({ node, messageId: "unknownArea", data: { folder: rel.includes("/") ? `${rel.split("/")[0]}/` : rel } });
      },
      ImportDeclaration(node) { check(node, node.source.value); },
      ExportNamedDeclaration(node) { if (node.source) check(node, node.source.value); },
      ExportAllDeclaration(node) { check(node, node.source.value); },
      ImportExpression(node) { if (node.source.type === "Literal") check(node, node.source.value); },
    };
  },
};
