import { readdirSync, readFileSync } from "node:fs";
import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Which way imports may run. Paths are resolved (relative and `@/` imports alike) by
// eslint-plugin-import, which eslint-config-next brings.

// Every lib/ module that starts with `import "server-only"`: read from the files, so a new one is
// covered the day it is written. Server Actions ("use server") are the browser's door to the
// server and carry no such import.
const serverOnly = readdirSync("lib", { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("generated") && !/\.test\.tsx?$/.test(file))
  .filter((file) => /^import "server-only";/m.test(readFileSync(`lib/${file}`, "utf8")))
  .map((file) => `./lib/${file}`);

// Code that runs in the browser (components/) or is written to be imported by it.
const browser = ["./components", "./lib/sync-wizard", "./lib/sync-shapes", "./lib/fields", "./lib/grid"];

const boundaries = {
  files: ["**/*.{ts,tsx,mjs}"],
  rules: {
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          { target: ["./components", "./lib"], from: "./app", message: "app/ holds routes only; put what both need in lib/ or components/." },
          { target: "./components", from: ["./lib/db.ts", "./lib/generated"], message: "Components never reach the database: go through a route, a page or a Server Action." },
          ...browser.map((target) => ({
            target,
            from: serverOnly,
            message: "A server-only module in browser code: import a schema or type file, or call a route or Server Action.",
          })),
          { target: "./lib/sync/engine", from: "./lib/sync", except: ["./engine"], message: "The engine is below the sync entry points: it never imports them." },
          { target: "./lib/auth", from: "./lib/accounts", message: "lib/accounts builds on lib/auth, not the other way round." },
          { target: "./lib/csv", from: ["./lib/sync", "./lib/sync-shapes", "./lib/sync-wizard", "./lib/records"], message: "lib/csv knows CSV only; rules that need a sync configuration live in lib/sync." },
          { target: "./scripts", from: "./e2e", message: "Scripts do not depend on tests; tests may use scripts/lib." },
        ],
      },
    ],
  },
};

const noDatabaseInComponents = {
  files: ["components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: ["pg", "pg-copy-streams", "@prisma/client", "@prisma/adapter-pg", "server-only"].map((name) => ({
          name,
          message: "Components run in the browser: no database driver and no server-only module.",
        })),
      },
    ],
  },
};

// One browser client for the app's JSON endpoints (errors, the offending param, network failures).
const oneClient = {
  files: ["components/**/*.{ts,tsx}"],
  ignores: ["components/api/client.ts"],
  rules: { "no-restricted-globals": ["error", { name: "fetch", message: "Call the app's endpoints through components/api/client.ts." }] },
};

const config = [
  ...next,
  ...nextTs,
  boundaries,
  noDatabaseInComponents,
  oneClient,
  { ignores: [".next/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
