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
  const { asOf: _asOf, ...rest } = q;
  while (page.next !== null) {
    page = await store.queryPage({ ...rest, release }, { limit, after: page.next });
    yield page;
  }
}
