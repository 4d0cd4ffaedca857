import { loadIndicatorCatalogue } from "../../indicators/catalogue.ts";
import type { EngineContext } from "../../indicators/engine.ts";
import { belgianGeography } from "../../reference/geography.ts";
import type { Store } from "../../store/store.ts";

/** The engine's context for a command: the open store, the shipped indicator catalogue and the curated geography. */
export async function engineContext(store: Store): Promise<EngineContext> {
  return { store, catalogue: await loadIndicatorCatalogue(), geography: belgianGeography() };
}
