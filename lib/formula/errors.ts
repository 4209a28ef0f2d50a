// A formula that cannot be run: what is wrong and where (0-based offset into the formula text).
// The read API turns it into 422 INVALID_FILTER_BY_FORMULA; the message names a 1-based character,
// which is how a person counts.
export class FormulaError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(`${message} at character ${position + 1}`);
    this.name = "FormulaError";
    this.position = position;
  }
}
