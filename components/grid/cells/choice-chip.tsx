import { chipStyle } from "@/lib/grid/select-colors";

export function ChoiceChip({ name, color }: { name: string; color?: string }) {
  return (
    <span className="inline-block max-w-full truncate rounded-full px-2 py-0.5 text-xs leading-4" style={chipStyle(color)}>
      {name}
    </span>
  );
}
