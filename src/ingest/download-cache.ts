import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { DownloadError } from "../core/index.ts";
import type { HttpResponse } from "../core/index.ts";

export interface CachedFile {
  /** The cached bytes, named by their SHA-256. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Writes a response body into the download cache, named by the SHA-256 of its bytes, so that a file downloaded
 * twice is stored once and the release records exactly which bytes it came from. The body goes to a temporary
 * file first and is renamed into place only when complete: an interrupted download leaves no cache entry.
 */
export async function saveToCache(
  response: HttpResponse,
  cacheDir: string,
  onBytes?: (bytesSoFar: number) => void,
): Promise<CachedFile> {
  if (response.status < 200 || response.status >= 300) {
    throw new DownloadError(`HTTP ${response.status} for ${response.url}`);
  }
  await mkdir(cacheDir, { recursive: true });
  const temporary = path.join(cacheDir, `.part-${process.pid}-${randomBytes(6).toString("hex")}`);
  const hash = createHash("sha256");
  let bytes = 0;
  const handle = await open(temporary, "w");
  try {
    for await (const chunk of response.body) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      await handle.write(chunk);
      onBytes?.(bytes);
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw new DownloadError(`download of ${response.url} broke off after ${bytes} bytes`, { cause: error });
  }
  await handle.close();
  const sha256 = hash.digest("hex");
  const finalPath = path.join(cacheDir, sha256);
  await rename(temporary, finalPath);
  return { path: finalPath, sha256, bytes };
}

/** The SHA-256 and size of a local file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const { size } = await stat(file);
  return { sha256: hash.digest("hex"), bytes: size };
}
