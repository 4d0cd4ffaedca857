// The stylesheet of every publication, screen and print. Fonts are pinned to DejaVu (Debian's fonts-dejavu-core,
// which Chromium finds through fontconfig) so the same HTML prints to the same pages everywhere the package is.
export const publicationCss = `
@page { size: A4; margin: 22mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #1a1a1a; max-width: 180mm; margin: 0 auto; padding: 0 4mm; }
h1 { font-size: 24pt; margin: 0 0 6mm; }
h2 { font-size: 16pt; margin: 8mm 0 3mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; border-left: 3mm solid #225ea8; padding-left: 8mm; }
.cover .subtitle { font-size: 14pt; color: #333; }
.cover .edition { font-size: 12pt; margin-top: 10mm; }
.toc ol { list-style: none; padding-left: 0; }
.toc ol ol { padding-left: 6mm; }
.toc li { margin: 1mm 0; }
.toc a { color: inherit; text-decoration: none; }
.toc .page { float: right; }
.chapter { break-before: page; }
.sentence { margin: 1.5mm 0; }
a.ref { font-size: 7pt; color: #225ea8; text-decoration: none; vertical-align: super; margin-left: 0.5mm; }
figure { margin: 4mm 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption, caption { font-weight: bold; text-align: left; margin-bottom: 1.5mm; }
.source { font-size: 8pt; color: #444; margin: 1mm 0 4mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; break-inside: avoid; }
th, td { border-bottom: 0.3mm solid #ccc; padding: 1mm 2mm; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.notes { font-size: 8pt; color: #444; margin: 1mm 0; }
.events { padding-left: 4mm; }
.events li { margin: 1.5mm 0; break-inside: avoid; }
.events .date { font-weight: bold; }
.omitted { font-style: italic; color: #555; }
.review { border-left: 1mm solid #e08214; padding-left: 3mm; }
.review-note { font-size: 8pt; color: #a04000; }
.assessment { white-space: pre-line; }
.facts th { text-align: left; width: 40%; }
.annex { break-before: page; }
.annex dt { font-weight: bold; margin-top: 2mm; }
.annex dd { margin-left: 4mm; }
body.compact .chapter, body.compact .annex { break-before: auto; }
body.compact .annex { font-size: 7.5pt; }
body.compact .annex h2 { font-size: 11pt; }
header.compact { border-left: 3mm solid #225ea8; padding-left: 5mm; margin-bottom: 4mm; }
header.compact h1 { font-size: 18pt; margin: 0 0 2mm; }
@media print { a { color: inherit; } a.ref { color: #225ea8; } }
`;
