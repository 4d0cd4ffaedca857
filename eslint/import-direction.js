// The import-direction rule of DESIGN.md §2: each folder of src/ may import only the folders listed for it.
// Kept as a small local rule because the layering is the project's own and must fail `npm test` when broken.
import path from "node:path";

/** Which src/ areas each area may import (its own area is always allowed). */
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
  report: ["core", "i18n", "analysis", "store", "reference", "ingest", "ingest/sources", "events", "indicators", "impact", "charts", "assess"],
  // publications reads figures through indicators, events, analysis, assess and charts, never the store directly.
  publications: ["core", "i18n", "analysis", "reference", "ingest", "events", "indicators", "impact", "charts", "assess"],
  server: ["core", "i18n", "analysis", "store", "reference", "ingest", "ingest/sources", "events", "indicators", "impact", "charts", "report", "assess", "publications"],
  web: ["core", "i18n", "charts", "server"],
  cli: ["core", "i18n", "analysis", "store", "reference", "ingest", "ingest/sources", "events", "indicators", "impact", "charts", "report", "server", "assess", "publications"],
};

/** Areas whose modules do no I/O of their own: effects are passed in (DESIGN.md §2). */
const pureAreas = ["core", "analysis", "ingest/sources"];
const ioModules = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|worker_threads)$/;

function areaOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file).split(path.sep).join("/");
  if (rel.startsWith("..")) return null;
  if (rel.startsWith("ingest/sources/")) return "ingest/sources";
  const first = rel.split("/")[0];
  return first in allowedImports ? first : null;
}

export default {
  meta: { type: "problem", schema: [], messages: {
    direction: "{{from}}/ may not import {{to}}/ (DESIGN.md §2: {{from}} -> {{allowed}})",
    io: "{{from}}/ does no I/O of its own: pass the effect in instead of importing {{module}}",
  } },
  create(context) {
    const file = context.filename;
    const srcRoot = path.join(context.cwd, "src");
    const from = areaOf(file, srcRoot);
    if (!from) return {};
    function check(node, source) {
      if (typeof source !== "string") return;
      if (ioModules.test(source) && pureAreas.includes(from)) {
        context.report({ node, messageId: "io", data: { from, module: source } });
        return;
      }
      if (!source.startsWith(".")) return;
      const to = areaOf(path.resolve(path.dirname(file), source), srcRoot);
      if (!to || to === from) return;
      const allowed = allowedImports[from];
      if (!allowed.includes(to)) {
        context.report({ node, messageId: "direction", data: { from, to, allowed: allowed.join(", ") || "nothing" } });
      }
    }
    return {
      ImportDeclaration(node) { check(node, node.source.value); },
      ExportNamedDeclaration(node) { if (node.source) check(node, node.source.value); },
      ExportAllDeclaration(node) { check(node, node.source.value); },
      ImportExpression(node) { if (node.source.type === "Literal") check(node, node.source.value); },
    };
  },
};
