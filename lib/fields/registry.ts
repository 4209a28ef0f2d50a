// The table of field type modules (its keys are the FieldType names), and the operations the app
// needs on a cell. No server imports: the wizard's preview and the grid use these in the browser.
import { z } from "zod";
import { isParseFailure, type CellValue, type FieldOptions, type FieldType, type FieldTypeModule, type ParseResult, type SortKind } from "./types";
import { currency } from "./types/currency";
import { date } from "./types/date";
import { duration } from "./types/duration";
import { email } from "./types/email";
import { multilineText } from "./types/multiline-text";
import { number } from "./types/number";
import { percent } from "./types/percent";
import { phoneNumber } from "./types/phone-number";
import { singleLineText } from "./types/single-line-text";
import { url } from "./types/url";
import { checkbox } from "./types/checkbox";
import { multipleSelects } from "./types/multiple-selects";
import { singleSelect } from "./types/single-select";

// In the order the wizard offers them. `satisfies` checks each module; FieldType is these keys.
export const FIELD_TYPE_MODULES = {
  singleLineText,
  email,
  multilineText,
  number,
  date,
  duration,
  phoneNumber,
  currency,
  url,
  percent,
  checkbox,
  singleSelect,
  multipleSelects,
} satisfies Record<string, FieldTypeModule>;

export const FIELD_TYPES = Object.keys(FIELD_TYPE_MODULES) as [FieldType, ...FieldType[]];

// Any type: what a stored field may be, and what an own field may be.
export const fieldTypeSchema = z.enum(FIELD_TYPES);

// The types a CSV column can be synced as: the sync configuration and the wizard's type menu.
export const SYNC_FIELD_TYPES = FIELD_TYPES.filter((t) => !FIELD_TYPE_MODULES[t].ownOnly) as [FieldType, ...FieldType[]];
export const syncFieldTypeSchema = z.enum(SYNC_FIELD_TYPES);
export const isOwnOnlyType = (type: FieldType): boolean => FIELD_TYPE_MODULES[type].ownOnly === true;

export const FIELD_TYPE_LABELS = Object.fromEntries(
  Object.values(FIELD_TYPE_MODULES).map((m) => [m.type, m.label]),
) as Record<FieldType, string>;

export function getFieldTypeModule(type: FieldType): FieldTypeModule {
  const found = FIELD_TYPE_MODULES[type];
  if (!found) throw new Error(`Unknown field type: ${type}`);
  return found;
}

export const sortKindOf = (type: FieldType): SortKind => getFieldTypeModule(type).sortKind;
export const isSearchable = (type: FieldType): boolean => getFieldTypeModule(type).searchable;

// Missing options fall back to the type's defaults inside each module.
export function coerceCell(type: FieldType, options: FieldOptions | undefined, text: string): ParseResult {
  const outcome = getFieldTypeModule(type).parse(text, options ?? {});
  return isParseFailure(outcome) ? { ok: false, reason: outcome.reason } : { ok: true, value: outcome };
}

export function formatCell(type: FieldType, options: FieldOptions | undefined, value: CellValue): string {
  return getFieldTypeModule(type).format(value, options ?? {});
}

export function cellToCsv(type: FieldType, options: FieldOptions | undefined, value: CellValue): string {
  return getFieldTypeModule(type).toCsv(value, options ?? {});
}
