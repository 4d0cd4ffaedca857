import { DownloadError, readBody } from "../../../core/index.ts";
import type { HttpGet, HttpRequest, HttpResponse, ParseInput } from "../../../core/index.ts";

/**
 * Sends a request and returns the answer when its status is 2xx. Otherwise reads the publisher's error text
 * and throws DownloadError naming what was asked, the status, the URL and the first line of that text; a
 * network failure of the HttpGet becomes a DownloadError too.
 */
export async function getOk(get: HttpGet, request: HttpRequest, what: string): Promise<HttpResponse> {
  let response: HttpResponse;
  try {
    response = await get(request);
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(`${what}: request to ${request.url} failed (${errorText(error)})`, { cause: error });
  }
  if (response.status >= 200 && response.status < 300) return response;
  let text = "";
  try {
    text = new TextDecoder().decode(await readBody(response.body));
  } catch {
    text = "";
  }
  const said = firstLine(text);
  throw new DownloadError(`${what}: HTTP ${response.status} from ${response.url}${said === "" ? "" : `: ${said}`}`);
}

/** The body of a successful answer as parser input, named by its URL. */
export function answerAsInput(response: HttpResponse): ParseInput {
  return { name: response.url, chunks: response.body };
}

/** The first non-empty line of a publisher's error text, shortened to 200 characters. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "") ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
