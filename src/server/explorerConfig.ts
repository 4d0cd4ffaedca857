// What the server tells each explorer page (JSON inside the HTML shell, see routes/web.ts), shared with the
// browser code in src/web, which may import the server's types but not its modules' dependencies.
import type { Lang } from "../i18n/index.ts";

/** The explorer's pages by path. */
export const explorerPages = { "/": "home", "/indicator": "indicator", "/map": "map", "/register": "register", "/sources": "sources", "/analysis": "analysis" } as const;

export type ExplorerPage = (typeof explorerPages)[keyof typeof explorerPages];

/** The config of one page. */
export interface ExplorerConfig {
  readonly lang: Lang;
  readonly page: ExplorerPage;
  /** The export formats of indicator data: id for `format=` and the file extension. */
  readonly formats: readonly { readonly id: string; readonly extension: string }[];
  /** The areas of the municipality comparison set when the indicator page asks for one (`set=municipality&muni=`). */
  readonly comparison: { readonly municipality: string; readonly areas: readonly string[] } | { readonly municipality: string; readonly problem: string } | null;
}
