// The deletion safeguard (contract, "Safety"): a pure decision on the counts of a planned run.
// A request without usable rows would delete every record, which is what a broken export or a CSV
// sent with `curl --data` (it strips the line breaks, leaving a header only) looks like; it is
// refused whenever there are records to lose. A sync may also cap the share of live records one
// request may delete. `?allowMassDeletion=true` lifts both for one request.

export type DeletionPlan = {
  deletion: "delete" | "keep";
  rows: number; // rows with a usable key in the request
  live: number; // live records before the run
  deleting: number; // live records the run would delete
  maxDeletePercent: number | null;
  allowMassDeletion: boolean;
};

const n = (count: number) => count.toLocaleString("en-US");
const records = (count: number) => `${n(count)} record${count === 1 ? "" : "s"}`;
const HOW_TO_ALLOW = "Nothing was changed. If this is meant, send the request again with ?allowMassDeletion=true.";

// The refusal's message, or null when the run may go ahead.
export function deletionRefusal(plan: DeletionPlan): string | null {
  if (plan.allowMassDeletion || plan.deletion !== "delete" || plan.deleting === 0) return null;
  if (plan.rows === 0) {
    return (
      `Deletion safeguard: this request has no data rows, so it would delete all ${records(plan.deleting)} of the table. ` +
      "A CSV sent with `curl --data` loses its line breaks and arrives as a header only: use `--data-binary @file.csv`. " +
      HOW_TO_ALLOW
    );
  }
  if (plan.maxDeletePercent === null || plan.live === 0) return null;
  const percent = (plan.deleting / plan.live) * 100;
  if (percent <= plan.maxDeletePercent) return null;
  return (
    `Deletion safeguard: this request would delete ${records(plan.deleting)} of ${n(plan.live)} (${formatPercent(percent)}), ` +
    `more than the ${formatPercent(plan.maxDeletePercent)} this sync allows. ${HOW_TO_ALLOW}`
  );
}

const formatPercent = (p: number) => `${Math.round(p * 10) / 10} %`;
