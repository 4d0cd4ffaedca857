// The entry of each bench/scan worker thread: Node resolves a worker's entry before tsx's hooks exist there, so this
// plain module registers tsx and then imports the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./scanWorker.ts");
