import { constants, gunzipSync } from "node:zlib";

/**
 * The first line of an input from its first bytes (gunzipped as far as they go when they start with 1f 8b),
 * without BOM or leading blanks; undefined when a gzip start is corrupt. Used to tell formats apart.
 */
export function firstLineOf(firstBytes: Uint8Array): string | undefined {
  let bytes = firstBytes;
  if (firstBytes[0] === 0x1f && firstBytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(firstBytes, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return undefined;
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 8192)).replace(/^\uFEFF/, "").trimStart();
  return text.split(/\r?\n/, 1)[0] ?? "";
}
