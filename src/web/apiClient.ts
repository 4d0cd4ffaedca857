// Reading the API from the browser: same origin, JSON, and one error line naming the URL and the server's reason.

/** The URL of an API path with query parameters (undefined ones left out). */
export function apiUrl(path: string, params: Readonly<Record<string, string | undefined>> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}

/** GETs JSON from the API. Throws Error naming the URL, the status and the server's message for any non-2xx. */
export async function getJson<T>(path: string, params: Readonly<Record<string, string | undefined>> = {}): Promise<T> {
  const url = apiUrl(path, params);
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) {
    let reason = response.statusText;
    try {
      const body = (await response.json()) as { message?: string; error?: string };
      reason = body.message ?? body.error ?? reason;
    } catch {
      // the body was not JSON: the status text is all there is
    }
    throw new Error(`${url}: ${response.status} ${reason}`);
  }
  return (await response.json()) as T;
}
