import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { writeDocuments } from "../../src/cli/report/writeDocuments.ts";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { generateReports, plannedDocuments } from "../../src/publications/generateReports.ts";
import type { ReportEnvironment, ReportRequest } from "../../src/publications/generateReports.ts";
import type { Store } from "../../src/store/store.ts";
import { runCli } from "../cli/run-cli.ts";
import { sharedData } from "../shared-data.ts";
import { buildPublicationStore, publicationEnvironment } from "./publicationFixture.ts";

/** Page images kept for review (not committed: var/ is ignored). */
const reviewDir = fileURLToPath(new URL("../../var/review/publications/", import.meta.url));
const quiet = () => Object.assign(new PassThrough(), { isTTY: false });

async function writeEdition(env: ReportEnvironment, request: ReportRequest, dir: string, pdf: boolean): Promise<string[]> {
  const names = await plannedDocuments(request, env);
  const context = { stdout: quiet(), stderr: quiet(), env: {}, cwd: process.cwd() };
  return (await writeDocuments(context, generateReports(request, env, names), names.length, dir, pdf, env.data.book, env.apiBase)).files;
}

/** Whether a greyscale PGM page (P5) has grey or dark pixels (below 200 of 255) between 10 % and 90 % of its height (the body, not the header and footer). */
function bodyHasInk(pgm: Buffer): boolean {
  const header = pgm.subarray(0, 64).toString("latin1").split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = pgm.length - width * height;
  for (let y = Math.floor(height * 0.1); y < Math.floor(height * 0.9); y++) {
    for (let x = 0; x < width; x++) if (pgm[start + y * width + x]! < 200) return true;
  }
  return false;
}

describe("publications printed to PDF and editions compared", () => {
  let store: Store;
  let close: () => Promise<void>;
  let dir: string;
  before(async () => {
    ({ store, close } = await buildPublicationStore());
    dir = mkdtempSync(path.join(tmpdir(), "migmon-pdf-"));
  });
  after(async () => { await close(); rmSync(dir, { recursive: true, force: true }); });

  it("the monitor PDF (nl) has 15 to 40 tagged A4 pages, every chapter title in its text, contents page numbers that point at the chapters and no blank page", async () => {
    const env = await publicationEnvironment(store);
    const files = await writeEdition(env, { kind: "monitor", lang: "nl" }, path.join(dir, "a"), true);
    const pdf = files.find((f) => f.endsWith(".pdf"))!;
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    assert.ok(pages >= 15 && pages <= 40, `${pages} pages`);
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    const byPage = text.split("\f");
    const html = readFileSync(files.find((f) => f.endsWith(".html"))!, "utf8");
    const chapters = [...html.matchAll(/<h2 id="h-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    assert.ok(chapters.length >= 5, chapters.join(", "));
    for (const title of chapters) {
      assert.ok(text.includes(title), `chapter ${title} is in the text layer`);
      // The contents give the chapter's page: the title is on that page of the print.
      const listed = new RegExp(`${title.replace(/[.()]/g, "\\$&")}\\s+(\\d+)`).exec(byPage[1]! + byPage[2]!);
      assert.ok(listed, `contents list ${title} with a page`);
      assert.ok(byPage[Number(listed[1]) - 1]!.includes(title), `${title} on page ${listed[1]}`);
    }
    const images = path.join(dir, "pages");
    mkdirSync(images);
    execFileSync("pdftoppm", ["-r", "20", "-gray", pdf, path.join(images, "p")]);
    const pgms = readdirSync(images).filter((f) => f.endsWith(".pgm")).sort();
    assert.equal(pgms.length, pages);
    for (const page of pgms) assert.ok(bodyHasInk(readFileSync(path.join(images, page))), `${page} is not blank`);
    mkdirSync(reviewDir, { recursive: true });
    execFileSync("pdftoppm", ["-r", "50", "-png", "-f", "1", "-l", "3", pdf, path.join(reviewDir, "monitor-nl")]);
    execFileSync("pdftoppm", ["-r", "50", "-png", "-f", "8", "-l", "8", pdf, path.join(reviewDir, "monitor-nl")]);
    const again = await writeEdition(await publicationEnvironment(store), { kind: "monitor", lang: "nl" }, path.join(dir, "a2"), true);
    assert.ok(Buffer.from(readFileSync(again.find((f) => f.endsWith(".pdf"))!)).equals(readFileSync(pdf)), "the same edition prints to the same bytes");
    copyFileSync(pdf, path.join(reviewDir, "monitor-nl.pdf"));
  });

  it("migmon report diff <editionA> <editionB> lists the sentence and cell a revised figure changed, and nothing else", async () => {
    const before = path.join(dir, "before");
    await writeEdition(await publicationEnvironment(store), { kind: "monitor", lang: "en" }, before, false);
    const revised = readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"), "utf8")
      .replace(/^(CNMIGRAT,BE2\t: \t)35817 /m, "$136817 ");
    const file = path.join(dir, "demo_r_gind3.tsv");
    writeFileSync(file, revised);
    await ingestFile({ store, entry: findEntry(await loadCatalogue(), "eurostat:demo_r_gind3"), file, format: "tsv", retrievedAt: "2026-02-01T10:00:00.000Z" });
    const later = path.join(dir, "after");
    await writeEdition(await publicationEnvironment(store), { kind: "monitor", lang: "en" }, later, false);
    const asPublished = path.join(dir, "as-of");
    await writeEdition(await publicationEnvironment(store, "2026-01-15"), { kind: "monitor", lang: "en" }, asPublished, false);
    const same = await runCli(["report", "diff", before, asPublished], {});
    assert.equal(same.code, 0, same.stderr);
    assert.equal(same.stdout, "", "the edition as of the first release's day is the first edition");
    const run = await runCli(["report", "diff", before, later], {});
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split("\n");
    assert.ok(lines.some((l) => /^changed\tmonitor-en\tmigration\/net-migration sentence 1\t".*35,817.*" -> ".*36,817.*"$/.test(l)), run.stdout);
    assert.ok(lines.every((l) => l.includes("migration/net-migration")), run.stdout);
    const missing = await runCli(["report", "diff", before], {});
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /report diff needs two editions/);
  });
});
