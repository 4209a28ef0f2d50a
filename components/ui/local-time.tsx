"use client";
import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

// A timestamp in the reader's time zone. The server renders UTC (it cannot know the zone);
// the browser swaps in local time after hydration without a mismatch.
export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const text = useSyncExternalStore(
    noSubscribe,
    () => date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    () => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
