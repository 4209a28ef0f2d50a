// Resident memory of a process and its descendants, from /proc (Linux): the bench samples the app
// server's while a request runs and reports the peak growth over what it held just before.
import { readdirSync, readFileSync } from "node:fs";

function children(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) found.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // gone meanwhile
  }
  return found;
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

// Bytes resident in `pid` and every process below it.
export function treeRss(pid: number): number {
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop()!;
    total += rssOf(next);
    queue.push(...children(next));
  }
  return total;
}

// Samples every few ms until stopped; `stop` returns the peak in bytes and its growth over the start.
export function sampleRssGrowth(pid: number, everyMs = 5): { stop(): { peak: number; growth: number } } {
  const before = treeRss(pid);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, treeRss(pid));
      return { peak, growth: peak - before };
    },
  };
}
