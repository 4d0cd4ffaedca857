// The API server of the benchmark, in its own process so that the load generator does not share its event loop:
// opens the store at argv[2], listens on 127.0.0.1 (any free port) and prints the URL on stdout. argv[3] is the
// response cache's size in bytes (0: no cache, every request reaches the store; default the server's own).
//   node --import tsx bench/api/server.ts <store.duckdb> [cacheBytes]
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { loadCatalogue } from "../../src/ingest/catalogue.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { buildApp } from "../../src/server/app.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: server.ts <store.duckdb>");
const store = await openDuckDbStore(file);
const app = buildApp({
  store, catalogue: await loadCatalogue(), indicators: await loadIndicatorCatalogue(), eventsDir: new URL("../../data/events/", import.meta.url).pathname, geography: belgianGeography(),
  mirrorDir: null, now: () => new Date(), adminToken: undefined,
  logger: { info: (line) => process.stderr.write(`${line}\n`), error: (line) => process.stderr.write(`${line}\n`) },
  update: async () => [],
  ...(process.argv[3] === undefined ? {} : { responseCacheBytes: Number(process.argv[3]) }),
});
const url = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${url}\n`);
process.on("SIGTERM", () => {
  void app.close().then(() => store.close()).then(() => process.exit(0));
});
