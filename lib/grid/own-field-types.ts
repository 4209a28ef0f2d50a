// The types an own field can have, in the order the "Add field" dialog offers them: the ten sync
// types, then the three that only own fields have. Label and glyph of each for the browser.
import { FIELD_TYPE_MODULES } from "../fields/registry";

const OWN_ONLY = [
  { type: "checkbox", label: "Checkbox", icon: "☑" },
  { type: "singleSelect", label: "Single select", icon: "◉" },
  { type: "multipleSelects", label: "Multiple select", icon: "☰" },
] as const;

export type OwnFieldTypeInfo = { type: string; label: string; icon: string };

const SYNC_TYPES: OwnFieldTypeInfo[] = Object.values(FIELD_TYPE_MODULES)
  .filter((m) => !OWN_ONLY.some((o) => o.type === (m.type as string)))
  .map((m) => ({ type: m.type, label: m.label, icon: m.icon }));

export const OWN_FIELD_TYPES: OwnFieldTypeInfo[] = [...SYNC_TYPES, ...OWN_ONLY];

export function ownFieldTypeInfo(type: string): OwnFieldTypeInfo {
  return OWN_FIELD_TYPES.find((t) => t.type === type) ?? { type, label: type, icon: "?" };
}

export const hasChoices = (type: string) => type === "singleSelect" || type === "multipleSelects";
