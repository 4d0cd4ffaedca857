import type { Command } from "commander";
import { UsageError } from "../../core/index.ts";
import type { CliContext } from "../context.ts";

/**
 * `migmon db init`: creates (or brings up to date) the store's schema in the PostgreSQL database named by `--url` or
 * MIGMON_DATABASE_URL, so a shared deployment is ready before the first `migmon update` or `serve`. Says the schema
 * version and how many migrations it applied; exit 2 when no database is named, 1 when it cannot be reached.
 */
export function registerDbCommand(program: Command, context: CliContext): void {
  const db = program.command("db").description("the PostgreSQL store of a shared deployment (MIGMON_DATABASE_URL)");
  db.command("init")
    .description("create or migrate the store's tables in the PostgreSQL database (MIGMON_DATABASE_URL or --url)")
    .option("--url <url>", "the database, e.g. postgres://migmon@127.0.0.1:5432/migmon (default: MIGMON_DATABASE_URL)")
    .option("--schema <name>", "the PostgreSQL schema to hold the tables", "public")
    .action(async (options: { url?: string; schema: string }) => {
      const { databaseUrlFromEnv, describeDatabaseUrl } = await import("../../store/postgres-url.ts");
      const url = options.url ?? databaseUrlFromEnv(context.env);
      if (url === null || url === "") throw new UsageError("db init: name the database with --url or MIGMON_DATABASE_URL");
      const { openPostgresStore } = await import("../../store/postgres-store.ts");
      const { postgresSchemaVersion } = await import("../../store/postgres-schema.ts");
      const store = await openPostgresStore(url, { schema: options.schema, readers: 1 });
      const datasets = (await store.listDatasets()).length;
      await store.close();
      context.stdout.write(`${describeDatabaseUrl(url)} schema ${options.schema}: store schema version ${postgresSchemaVersion}, ${datasets} datasets\n`);
    });
}
