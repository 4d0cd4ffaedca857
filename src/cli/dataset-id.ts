import { NotFoundError, makeDatasetId } from "../core/index.ts";
import type { DatasetId } from "../core/index.ts";
import type { Store } from "../store/store.ts";

/**
 * The store's id of the dataset a user names in `query`, `releases` or `diff`: a catalogue dataset by id or code
 * (`eurostat:migr_asyappctza`, `migr_asyappctza`), else a dataset the store holds without a catalogue entry, by id
 * or code: an agency's delivery loaded with `migmon ingest agency:<code> --describe` (`agency:civic_integration_starts`
 * or `civic_integration_starts`). Throws NotFoundError naming both places when the name is in neither.
 */
export async function resolveDatasetId(store: Store, name: string): Promise<DatasetId> {
  // The catalogue reader (yaml, zod) is loaded here, not when the CLI starts (issue 16: --help stays light).
  const { findEntry, loadCatalogue } = await import("../ingest/catalogue.ts");
  try {
    const entry = findEntry(await loadCatalogue(), name);
    return makeDatasetId(entry.publisher, entry.code);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  // Outside the catalogue only agency deliveries are loaded, so a bare code is looked up as agency:<code>.
  const id = (name.includes(":") ? name.toLowerCase() : `agency:${name.toLowerCase()}`) as DatasetId;
  try {
    return (await store.getDataset(id)).id;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new NotFoundError(`dataset ${JSON.stringify(name)} is neither in the source catalogue (\`migmon sources\`) nor in the store (\`migmon datasets\`)`);
  }
}
