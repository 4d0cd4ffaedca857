import { z } from "zod";
import { eventSchema } from "./schema.ts";

/** One row of the field table. */
export interface FieldDescription {
  readonly field: string;
  readonly required: boolean;
  readonly type: string;
  readonly description: string;
}

interface JsonSchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  pattern?: string;
  format?: string;
  description?: string;
}

function typeOf(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.anyOf) return node.anyOf.map(typeOf).join(" | ");
  if (node.type === "array" && node.items) return `list of ${typeOf(node.items)}`;
  if (node.type === "object" && node.properties) return `{ ${Object.keys(node.properties).join(", ")} }`;
  if (node.format !== undefined) return `${String(node.type)} (${node.format})`;
  if (node.pattern !== undefined) return `${String(node.type)} /${node.pattern}/`;
  return Array.isArray(node.type) ? node.type.join(" | ") : String(node.type ?? "any");
}

/**
 * The event schema's fields as a table (field, required, type, description), generated from the zod schema
 * through its JSON Schema, so the documentation is the validation.
 */
export function describeEventSchema(): FieldDescription[] {
  const json = z.toJSONSchema(eventSchema, { unrepresentable: "any", io: "input" }) as JsonSchemaNode;
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([field, node]) => ({
    field,
    required: required.has(field),
    type: typeOf(node),
    description: node.description ?? "",
  }));
}

/** The field table as Markdown, one row per field. */
export function formatSchemaTable(rows: readonly FieldDescription[]): string {
  const escape = (s: string) => s.replace(/\|/g, "\\|");
  const lines = ["| field | required | type | description |", "|---|---|---|---|"];
  for (const r of rows) lines.push(`| ${r.field} | ${r.required ? "yes" : "no"} | ${escape(r.type)} | ${escape(r.description)} |`);
  return `${lines.join("\n")}\n`;
}
