// A bounded load run: one worker per base sends syncs back to back for a fixed time and
// records every answer. Used by `npm run load` (60 s) and, in short, by the test suite.
export type LoadTarget = { baseId: string; path: string; token: string };

export type LoadOptions = { appUrls: string[]; targets: LoadTarget[]; durationMs: number; makeCsv: (base: number, i: number) => string };

export type LoadResult = {
  requests: number;
  durationMs: number;
  statusCounts: Record<string, number>;
  perBaseOk: number[];
  latenciesMs: number[];
  rowsApplied: number;
  errors: string[];
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const started = Date.now();
  const deadline = started + options.durationMs;
  const result: LoadResult = { requests: 0, durationMs: 0, statusCounts: {}, perBaseOk: options.targets.map(() => 0), latenciesMs: [], rowsApplied: 0, errors: [] };
  await Promise.all(
    options.targets.map(async (target, b) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const appUrl = options.appUrls[(b + i) % options.appUrls.length];
        const t0 = performance.now();
        let status = "network error";
        try {
          const res = await fetch(`${appUrl}${target.path}`, {
            method: "POST",
            headers: { authorization: `Bearer ${target.token}`, "content-type": "text/csv" },
            body: options.makeCsv(b, i),
          });
          status = String(res.status);
          const json = await res.json();
          if (res.status === 200) {
            result.perBaseOk[b]++;
            result.rowsApplied += json.rowsReceived ?? 0;
          } else if (res.status !== 429) {
            result.errors.push(`${res.status} ${JSON.stringify(json)}`);
          } else if (!res.headers.get("retry-after")) {
            result.errors.push("429 without Retry-After");
          }
        } catch (err) {
          result.errors.push(String(err));
        }
        result.latenciesMs.push(performance.now() - t0);
        result.statusCounts[status] = (result.statusCounts[status] ?? 0) + 1;
        result.requests++;
      }
    }),
  );
  result.durationMs = Date.now() - started;
  return result;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function generateLoadCsv(rows: number, columns: number, base: number, i: number): string {
  const header = ["id", ...Array.from({ length: columns - 1 }, (_, c) => `col${c + 1}`)].join(",");
  const lines = [header];
  // Each request changes about a tenth of the rows, like a real export between two runs.
  for (let r = 0; r < rows; r++) {
    const version = r % 10 === i % 10 ? i : 0;
    const cells = [`K${r}`];
    for (let c = 1; c < columns; c++) cells.push(`b${base}-r${r}-c${c}-v${version}`);
    lines.push(cells.join(","));
  }
  return lines.join("\n");
}
