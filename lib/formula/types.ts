// The checked formula: every value has a static type and every conversion is an explicit node,
// so the SQL compiler (sql.ts) and the in-memory evaluator (evaluate.ts) apply the same rules.
//
// Values: number (float8 / JS number), text, bool, date (timestamptz / epoch ms, UTC). number,
// text and date may be blank (SQL NULL / null); bool never is. "blank" is the type of BLANK().
// The conversions, as Airtable does for an empty cell:
//   num:  blank → 0, TRUE → 1, text → VALUE(text) or 0
//   text: blank → "", a number as JS prints it, TRUE → "1", a date field as YYYY-MM-DD,
//         another date as an ISO instant
//   bool: blank, 0, "" → false; a date → whether it is set
import { getFieldTypeModule } from "../fields/registry";
import type { FieldType } from "../fields/types";

// A field as formulas see it (lib/records passes its table fields); `slot` says where its value
// is stored in a record's cells.
export type FormulaField = { id: string; name: string; type: FieldType; slot: number };

export type Type = "number" | "text" | "bool" | "date" | "blank";

export type DateUnit = "ms" | "s" | "m" | "h" | "d" | "w" | "M" | "Q" | "y";
export type Comparison = "=" | "!=" | "<" | ">" | "<=" | ">=";

export type Op =
  | "num" | "text" | "bool" // conversions, one argument
  | "neg" | "+" | "-" | "*" | "/" | "&"
  | "and" | "or" | "xor" | "not" | "if" | "isBlank"
  | "len" | "lower" | "upper" | "trim" | "find" | "search" | "left" | "right" | "mid" | "substitute" | "value"
  | "round" | "abs" | "int" | "mod" | "max" | "min"
  | "isBefore" | "isAfter" | "isSame" | "datetimeDiff" | "dateAdd" | "dateStr" | "today" | "now"
  | "recordId" | "createdTime" | "regexMatch";

export type Expr =
  | { k: "lit"; type: Type; value: number | string | boolean | null } // a date literal is epoch ms
  | { k: "field"; type: Type; field: FormulaField }
  | { k: "cmp"; type: "bool"; cmp: Comparison; domain: "number" | "text" | "date"; args: [Expr, Expr] }
  | { k: "op"; type: Type; op: Op; args: Expr[]; unit?: DateUnit };

// The type a field has inside a formula: what its values sort as (lib/fields, the type's module).
// As in Airtable, a checkbox is a number (1 ticked, 0 not), a single select its name, multiple
// selects their names joined by ", ".
export function fieldValueType(field: FormulaField): Type {
  const kind = getFieldTypeModule(field.type).sortKind;
  return kind === "numeric" || kind === "checkbox" ? "number" : kind === "isoDate" ? "date" : "text";
}
