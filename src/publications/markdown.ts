// The small Markdown the commentary blocks are written in, to HTML: paragraphs, "- " lists, **bold**, *italic*
// and [links](https://...). Everything else is text, escaped; raw HTML in a block is shown, never run.

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>');
}

/** The HTML of a Markdown text: blocks separated by blank lines; a block of "- " lines is a list. */
export function markdownToHtml(markdown: string): string {
  return markdown.replace(/\r\n/g, "\n").split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== "").map((b) => {
    const lines = b.split("\n");
    if (lines.every((l) => /^\s*[-*] /.test(l))) return `<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*] /, ""))}</li>`).join("")}</ul>`;
    const heading = /^(#{1,3}) (.*)$/.exec(b);
    if (heading && lines.length === 1) return `<p class="lead">${inline(heading[2]!)}</p>`;
    return `<p>${inline(lines.join(" "))}</p>`;
  }).join("\n");
}
