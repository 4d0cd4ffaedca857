// The mutations of the fuzz harness, shared by the seeded test (test/fuzz/parsers-fuzz.test.ts) and the long run
// (bench/fuzz/run.ts). Each takes the bytes of a real file and returns bytes a parser must either read or refuse
// with a one-line MigmonError; none of them depends on anything but the seeded random source, so a case replays
// from its seed and number.
import { gzipSync } from "node:zlib";

/** mulberry32: a small seeded PRNG, so every run mutates the same way. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The kinds of mutation, in the order they are drawn. */
export const mutationKinds = [
  "bit-flips", "special-bytes", "truncation", "line-drop", "line-duplicate", "line-cut", "line-swap",
  "wrong-delimiter", "bom", "huge-number", "long-line", "invalid-utf8", "gzip", "gzip-corrupt", "gzip-bomb",
  "xml-entities", "deep-json", "empty",
] as const;
export type MutationKind = (typeof mutationKinds)[number];

/** The sizes the mutations aim at: the test runs with small reading limits so that a case over them stays cheap. */
export interface MutationSizes {
  /** A long line is this many bytes (set above the reading limit under test). */
  readonly longLineBytes: number;
  /** A gzip bomb inflates to this many bytes (set above the inflate limit under test). */
  readonly bombBytes: number;
}

const special = [0x2c, 0x22, 0x09, 0x3a, 0x20, 0x0a, 0x0d, 0x3c, 0x3e, 0x7b, 0x7d, 0x5b, 0x5d, 0x2e, 0x5c, 0x2d, 0x65, 0x7c, 0x3b, 0x26, 0x00];

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(10, start);
    if (end < 0) {
      if (start < bytes.length) lines.push(bytes.subarray(start));
      return lines;
    }
    lines.push(bytes.subarray(start, end + 1));
    start = end + 1;
  }
}

const concat = (parts: readonly Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const text = (s: string) => new TextEncoder().encode(s);

/** One mutation of `original` of the given kind, drawn with `random`. */
export function mutate(original: Uint8Array, kind: MutationKind, random: () => number, sizes: MutationSizes): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  const lines = splitLines(original);
  const lineAt = () => pick(Math.max(1, lines.length));
  switch (kind) {
    case "bit-flips": {
      const bytes = Uint8Array.from(original);
      for (let i = 1 + pick(8); i > 0 && bytes.length > 0; i--) {
        const at = pick(bytes.length);
        bytes[at] = (bytes[at] as number) ^ (1 << pick(8));
      }
      return bytes;
    }
    case "special-bytes": {
      const bytes = Uint8Array.from(original);
      for (let i = 1 + pick(5); i > 0 && bytes.length > 0; i--) bytes[pick(bytes.length)] = special[pick(special.length)] as number;
      return bytes;
    }
    case "truncation": return original.subarray(0, pick(original.length + 1));
    case "line-drop": { lines.splice(lineAt(), 1 + pick(3)); return concat(lines); }
    case "line-duplicate": { const i = lineAt(); lines.splice(i, 0, lines[i] ?? new Uint8Array(0), lines[lineAt()] ?? new Uint8Array(0)); return concat(lines); }
    case "line-cut": { const i = lineAt(); const l = lines[i] ?? new Uint8Array(0); lines[i] = l.subarray(0, pick(l.length + 1)); return concat(lines); }
    case "line-swap": { const a = lineAt(); const b = lineAt(); [lines[a], lines[b]] = [lines[b] ?? new Uint8Array(0), lines[a] ?? new Uint8Array(0)]; return concat(lines); }
    case "wrong-delimiter": {
      const pairs = [[0x2c, 0x3b], [0x09, 0x2c], [0x7c, 0x2c], [0x2c, 0x09], [0x3b, 0x2c]] as const;
      const [from, to] = pairs[pick(pairs.length)] as readonly [number, number];
      return original.map((b) => (b === from ? to : b));
    }
    case "bom": {
      const boms = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]];
      const bom = Uint8Array.from(boms[pick(boms.length)] as number[]);
      const i = lineAt();
      lines.splice(random() < 0.5 ? 0 : i, 0, bom);
      return concat(lines);
    }
    case "huge-number": {
      const numbers = ["1E309", "-1e400", "9".repeat(400), "1e-400", "0x1F", "NaN", "Infinity", "-0", "1.7976931348623159e308", "123456789012345678901234567890"];
      const s = Buffer.from(original).toString("latin1");
      const digits = [...s.matchAll(/\d+(\.\d+)?/g)];
      if (digits.length === 0) return concat([original, text(numbers[pick(numbers.length)] as string)]);
      const m = digits[pick(digits.length)] as RegExpMatchArray;
      const at = m.index ?? 0;
      return new Uint8Array(Buffer.from(s.slice(0, at) + (numbers[pick(numbers.length)] as string) + s.slice(at + m[0].length), "latin1"));
    }
    case "long-line": {
      const fill = [0x61, 0x2c, 0x22, 0x09, 0x31][pick(5)] as number;
      const long = new Uint8Array(sizes.longLineBytes + pick(1024)).fill(fill);
      lines.splice(lineAt(), 0, long, text("\n"));
      return concat(lines);
    }
    case "invalid-utf8": {
      const bad = [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]][pick(5)] as number[];
      const i = pick(original.length + 1);
      return concat([original.subarray(0, i), Uint8Array.from(bad), original.subarray(i)]);
    }
    case "gzip": return new Uint8Array(gzipSync(original));
    case "gzip-corrupt": {
      const gz = Uint8Array.from(gzipSync(original));
      if (random() < 0.5) return gz.subarray(0, 2 + pick(Math.max(1, gz.length - 2)));
      for (let i = 1 + pick(4); i > 0; i--) {
        const at = 2 + pick(gz.length - 2);
        gz[at] = (gz[at] as number) ^ (1 << pick(8));
      }
      return gz;
    }
    case "gzip-bomb": {
      // one line of zeros (a 1000:1 ratio), or lines of 100 zeros; both inflate past the limit
      const body = new Uint8Array(sizes.bombBytes).fill(0x30);
      if (random() < 0.5) for (let i = 99; i < body.length; i += 100) body[i] = 0x0a;
      return new Uint8Array(gzipSync(concat([lines[0] ?? new Uint8Array(0), body])));
    }
    case "xml-entities": {
      const laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n';
      const s = Buffer.from(original).toString("utf8").replace(/^<\?xml[^>]*>\s*/, "");
      const at = s.indexOf(">", s.indexOf("<", 1));
      const body = at > 0 && random() < 0.7 ? `${s.slice(0, at + 1)}&lol3;&xxe;${s.slice(at + 1)}` : s;
      return text(laughs + body);
    }
    case "deep-json": {
      const depth = 10_000 + pick(90_000);
      const open = random() < 0.5 ? "[" : '{"a":';
      const close = open === "[" ? "]" : "}";
      return text(`${open.repeat(depth)}1${close.repeat(depth)}\n`);
    }
    case "empty": return random() < 0.5 ? new Uint8Array(0) : (lines[0] ?? new Uint8Array(0));
  }
}
