// The chart or map of a view as a file a reader keeps or pastes into a report: a standalone SVG with the title
// above the figure and the source (the citation with its releases) under it, so the image says where its numbers
// come from; a PNG is the same SVG drawn on a canvas at twice the size. Built in the browser from the chart on the
// page (no server round trip); `standaloneSvg` is pure and tested without a browser.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import type { ChartElement } from "../charts/index.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import { h } from "./elements.ts";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Splits a text into lines of at most `chars` characters at spaces (a longer word stands on its own line). */
export function wrapText(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * One SVG document: a white page `width` wide holding the title (16 px, bold), the chart's own SVG markup
 * (`height` tall, nested as is) and the source lines (11 px) wrapped to the width. Returns the markup and its
 * total height.
 */
export function standaloneSvg(chartMarkup: string, width: number, height: number, title: string, source: string): { markup: string; height: number } {
  const sourceLines = wrapText(source, Math.max(20, Math.floor((width - 16) / 6)));
  const top = 34;
  const total = top + height + 10 + sourceLines.length * 15 + 6;
  const inner = chartMarkup.replace(/^<svg\b/, `<svg x="0" y="${top}"`);
  const lines = sourceLines.map((line, i) => `<text x="8" y="${top + height + 20 + i * 15}" font-size="11" fill="#333333">${escapeXml(line)}</text>`).join("");
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="system-ui, sans-serif">`
    + `<rect width="100%" height="100%" fill="#ffffff"/>`
    + `<text x="8" y="22" font-size="16" font-weight="700" fill="#1d1d1d">${escapeXml(title)}</text>`
    + `${inner}${lines}</svg>`;
  return { markup, height: total };
}

interface BrowserImaging {
  XMLSerializer: new () => { serializeToString(node: ChartElement): string };
  Image: new () => { onload: (() => void) | null; onerror: (() => void) | null; src: string };
  document: { createElement(tag: "canvas"): { width: number; height: number; getContext(kind: "2d"): { scale(x: number, y: number): void; drawImage(image: unknown, x: number, y: number): void } | null; toBlob(done: (blob: Blob | null) => void, type: string): void } };
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName, hidden: true });
  page.document.getElementById("main")?.append(link);
  (link as unknown as { click(): void }).click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Buttons that download the chart or map on the page as SVG and PNG with its title and `source` in the image, as
 * `<base>.svg|png`. `current` gives the SVG and title when a button is pressed (a map's year slider redraws it).
 */
export function chartDownloads(current: () => { svg: ChartElement; title: string }, base: string, source: string, lang: Lang): WebElement {
  const scope = globalThis as unknown as BrowserImaging;
  const build = () => {
    const { svg, title } = current();
    const width = Number(svg.getAttribute("width"));
    const height = Number(svg.getAttribute("height"));
    const { markup, height: total } = standaloneSvg(new scope.XMLSerializer().serializeToString(svg), width, height, title, source);
    return { markup, width, total };
  };
  const svgButton = h("button", { type: "button", class: "secondary", "data-export": "svg" }, t(lang, "web.indicator.download", { format: "SVG" }));
  svgButton.addEventListener("click", () => save(new Blob([build().markup], { type: "image/svg+xml" }), `${base}.svg`));
  const pngButton = h("button", { type: "button", class: "secondary", "data-export": "png" }, t(lang, "web.indicator.download", { format: "PNG" }));
  pngButton.addEventListener("click", () => {
    const { markup, width, total } = build();
    const image = new scope.Image();
    const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
    image.onload = () => {
      const canvas = scope.document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = total * 2;
      const context = canvas.getContext("2d");
      if (context === null) return;
      context.scale(2, 2);
      context.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => { if (blob !== null) save(blob, `${base}.png`); }, "image/png");
    };
    image.src = url;
  });
  return h("p", { class: "chart-downloads" }, svgButton, " ", pngButton);
}
