// Reading the reviewed data of data/publications: templates, the phrase book, the area forms, the country groups
// and the commentary files. Every file is validated by its schema (templateSchema.ts); a problem is one line
// naming the file and the field.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { InputError, UsageError } from "../core/index.ts";
import { parseCommentary } from "./commentary.ts";
import type { CommentaryReader } from "./commentary.ts";
import { areaFormsSchema, countryGroupSchema, phraseBookSchema, templateSchema } from "./templateSchema.ts";
import type { AreaFormsEntry, PhraseBook, PublicationGroup, PublicationTemplate } from "./templateSchema.ts";

/** The folder of the publications' reviewed data. */
export const publicationsDataDir = fileURLToPath(new URL("../../data/publications/", import.meta.url));

/** Parses a YAML text against a schema; throws InputError naming the file and the first problem's path. */
export function parseYamlWith<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new InputError(file, undefined, `not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(file, undefined, `${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return parsed.data;
}

function readWith<T>(schema: z.ZodType<T>, file: string): T {
  return parseYamlWith(schema, readFileSync(file, "utf8"), file);
}

/** The publications' data: phrase book, area forms, groups, and templates by id. */
export interface PublicationData {
  readonly book: PhraseBook;
  readonly areas: readonly AreaFormsEntry[];
  readonly groups: readonly PublicationGroup[];
  template(id: string): PublicationTemplate;
  readonly commentary: CommentaryReader;
}

/** Reads data/publications (or another folder laid out like it). */
export function loadPublicationData(dir: string = publicationsDataDir): PublicationData {
  const templates = new Map<string, PublicationTemplate>();
  return {
    book: readWith(phraseBookSchema, path.join(dir, "phrases.yaml")),
    areas: readWith(areaFormsSchema, path.join(dir, "areas.yaml")),
    groups: readWith(countryGroupSchema, path.join(dir, "groups.yaml")),
    template(id) {
      const known = templates.get(id);
      if (known !== undefined) return known;
      const file = path.join(dir, "templates", `${id}.yaml`);
      if (!existsSync(file)) throw new UsageError(`no publication template ${id} (data/publications/templates/${id}.yaml)`);
      const template = readWith(templateSchema, file);
      if (template.id !== id) throw new InputError(file, undefined, `id: ${template.id} differs from the file name ${id}`);
      templates.set(id, template);
      return template;
    },
    commentary(template, id, lang) {
      const file = path.join(dir, "commentary", template, `${id}.${lang}.md`);
      return existsSync(file) ? parseCommentary(readFileSync(file, "utf8")) : null;
    },
  };
}
