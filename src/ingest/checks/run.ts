import { MigmonError, NotFoundError, makeDatasetId } from "../../core/index.ts";
import type { DatasetId } from "../../core/index.ts";
import type { Store } from "../../store/store.ts";
import type { CatalogueEntry } from "../catalogue.ts";
import { compareSources } from "./cross-source.ts";
import { describeCheck, filterCodes } from "./declaration.ts";
import type { ConsistencyCheck, CrossSourceCheck, ParentSumCheck } from "./declaration.ts";
import { nutsHierarchy, refnisHierarchy } from "./hierarchy.ts";
import type { CheckOutcome } from "./outcome.ts";
import { checkParentSums } from "./parent-sum.ts";

/**
 * Runs the consistency checks a catalogue entry declares on the latest data in the store, in the order
 * declared. Throws NotFoundError when the entry declares no check or a dataset it needs is not in the store
 * (naming the `migmon ingest` to run), MigmonError for a check that does not fit the data.
 */
export async function runDatasetChecks(store: Store, entry: CatalogueEntry): Promise<CheckOutcome[]> {
  const checks = entry.checks ?? [];
  if (checks.length === 0) throw new NotFoundError(`${entry.id} declares no consistency check in data/sources.yaml`);
  const id = makeDatasetId(entry.publisher, entry.code);
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) outcomes.push(await runCheck(store, id, check));
  return outcomes;
}

/** Runs one check on dataset `id` (see checkParentSums and compareSources for what each kind compares). */
export async function runCheck(store: Store, id: DatasetId, check: ConsistencyCheck): Promise<CheckOutcome> {
  const label = describeCheck(check);
  const result = check.kind === "parent-sum" ? await runParentSum(store, id, check) : await runCrossSource(store, id, check);
  return { check, label, ...result };
}

async function loaded(store: Store, id: DatasetId) {
  try {
    return await store.getDataset(id);
  } catch (error) {
    if (error instanceof MigmonError && error.httpStatus === 404) {
      throw new NotFoundError(`${id} is not in the store: run \`migmon ingest ${id}\` first`);
    }
    throw error;
  }
}

async function runParentSum(store: Store, id: DatasetId, check: ParentSumCheck) {
  const dataset = await loaded(store, id);
  const observations = await store.query({ dataset: id, where: filterCodes(check.filter) });
  const hierarchy = check.hierarchy === "nuts" ? nutsHierarchy(check.nutsVersion!) : refnisHierarchy();
  return checkParentSums(observations, dataset.dimensions, check, hierarchy, id);
}

async function runCrossSource(store: Store, id: DatasetId, check: CrossSourceCheck) {
  const otherId = check.other.dataset as DatasetId;
  const [self, other] = await Promise.all([loaded(store, id), loaded(store, otherId)]);
  const [mine, theirs] = await Promise.all([
    store.query({ dataset: id, where: filterCodes(check.filter) }),
    store.query({ dataset: otherId, where: filterCodes(check.other.filter) }),
  ]);
  const label = Object.entries(filterCodes(check.filter)).map(([d, c]) => `${d}=${c.join("+")}`).join(",");
  return compareSources(check,
    { dataset: id, dimensions: self.dimensions, observations: mine, sum: check.sum },
    { dataset: otherId, dimensions: other.dimensions, observations: theirs, sum: check.other.sum },
    label);
}
