import type { ObservationPage, ObservationQuery, Store } from "./store.ts";

/**
 * Every page of `store.query(q)`, `limit` rows at a time (Store.queryPage), for readers that write rows out as they
 * come (the CLI's `query`): memory holds one page, whatever the dataset's size. The pages after the first read the
 * release the first one read, so a release loaded meanwhile does not mix into the answer. Throws as queryPage does.
 */
export async function* walkPages(store: Store, q: ObservationQuery, limit: number): AsyncGenerator<ObservationPage> {
  let page = await store.queryPage(q, { limit });
  yield page;
  const release = page.release;
  if (release === null) return;
  // The filters of `q` with the release in place of whatever chose it (a date or the latest).
  const pinned: ObservationQuery = { dataset: q.dataset, release, ...(q.where === undefined ? {} : { where: q.where }),
    ...(q.from === undefined ? {} : { from: q.from }), ...(q.to === undefined ? {} : { to: q.to }) };
  while (page.next !== null) {
    page = await store.queryPage(pinned, { limit, after: page.next });
    yield page;
  }
}
