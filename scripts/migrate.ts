// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import { applyMigrations } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate.");
  process.exit(1);
}
applyMigrations(url).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
