// What the server put in the page (src/server/routes/web.ts, ExplorerConfig) and the view's state, which lives in
// the query string only: every control is a field of a GET form (pageParts.ts), so a view can be shared and reloaded.
import { page } from "./browser.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";

/** The server's config of this page, from the JSON script element of the shell. */
export function pageConfig(): ExplorerConfig {
  const script = page.document.getElementById("migmon-config");
  if (script === null || script.textContent === null) throw new Error("the page has no #migmon-config script element");
  return JSON.parse(script.textContent) as ExplorerConfig;
}

/** The view's state: the query parameters of the page's URL. */
export function viewState(): URLSearchParams {
  return new URLSearchParams(page.location.search);
}

/** The URL of a page with these parameters (empty values left out), in a stable parameter order. */
export function pageHref(path: string, params: Readonly<Record<string, string | null | undefined>>): string {
  const search = new URLSearchParams();
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value !== null && value !== undefined && value !== "") search.set(name, value);
  }
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}

/** Writes one parameter of the view's state into the URL without loading the page again (null removes it). */
export function replaceViewParameter(name: string, value: string | null): void {
  const url = new URL(page.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  page.history.replaceState(null, "", `${url.pathname}${url.search}`);
}
