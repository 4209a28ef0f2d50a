// The types an own field can have, in the order the "Add field" dialog offers them: the ten sync
// types, then the three only own fields have (the registry's order). Label and glyph of each.
import { FIELD_TYPE_MODULES, FIELD_TYPES } from "../fields/registry";
import type { FieldType } from "../fields/types";

export type OwnFieldTypeInfo = { type: FieldType; label: string; icon: string };

export const OWN_FIELD_TYPES: OwnFieldTypeInfo[] = FIELD_TYPES.map((type) => ({ type, label: FIELD_TYPE_MODULES[type].label, icon: FIELD_TYPE_MODULES[type].icon }));

export function ownFieldTypeInfo(type: string): OwnFieldTypeInfo {
  return OWN_FIELD_TYPES.find((t) => t.type === type) ?? { type: type as FieldType, label: type, icon: "?" };
}

export const hasChoices = (type: string) => type === "singleSelect" || type === "multipleSelects";
