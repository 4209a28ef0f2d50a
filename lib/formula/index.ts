// filterByFormula: Airtable's formula language, parsed and checked in Node, run in Postgres.
//   compileFilter(text, fields) → a checked expression (or a FormulaError with its position)
//   formulaToSql(expr, ctx)     → a boolean SQL condition with bound parameters
//   matchesFormula(expr, record) → the same decision in memory (the reference for tests)
import { checkFormula } from "./check";
import { parseFormula } from "./parser";
import type { Expr, FormulaField } from "./types";

export { FormulaError } from "./errors";
export { formulaTextToSql, formulaToSql, type SqlContext } from "./sql";
export { evaluateFormula, formulaText, matchesFormula, type EvalRecord } from "./evaluate";
export { SUPPORTED_FUNCTIONS } from "./check";
export type { Expr, FormulaField } from "./types";

export function compileFilter(formula: string, fields: readonly FormulaField[]): Expr {
  return checkFormula(parseFormula(formula), fields);
}
