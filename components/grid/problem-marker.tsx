"use client";
// A cell whose CSV text did not parse: a red corner; on hover or when its cell has focus, the
// original text and why.
export function ProblemMarker({ value, reason }: { value: string; reason: string }) {
  const text = `Did not parse: “${value}” (${reason})`;
  return (
    <span className="group/problem absolute inset-y-0 right-0 flex items-start">
      <button type="button" tabIndex={-1} aria-label={text} className="h-3 w-3 focus:outline-2 focus:outline-blue-600" data-testid="problem-marker">
        <span aria-hidden className="block h-0 w-0 border-t-[10px] border-l-[10px] border-t-red-600 border-l-transparent" />
      </button>
      <span
        role="tooltip"
        className="pointer-events-none absolute top-3 right-0 z-30 hidden w-64 rounded-md border border-gray-200 bg-white p-2 text-xs whitespace-normal text-gray-800 shadow-lg group-focus-within/problem:block group-hover/problem:block group-focus/cell:block"
      >
        <span className="block font-mono break-words">“{value}”</span>
        <span className="mt-1 block text-red-700">{reason}</span>
      </span>
    </span>
  );
}
