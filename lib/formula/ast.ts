// The parsed formula. `pos` is the offset of the node's first character (for a binary operation,
// of its operator), used in error messages.
export type Node =
  | { kind: "number"; value: number; pos: number }
  | { kind: "string"; value: string; pos: number }
  | { kind: "bool"; value: boolean; pos: number }
  | { kind: "field"; name: string; braced: boolean; pos: number }
  | { kind: "call"; name: string; args: Node[]; pos: number }
  | { kind: "binary"; op: BinaryOp; left: Node; right: Node; pos: number }
  | { kind: "unary"; op: "-" | "+"; operand: Node; pos: number };

export type BinaryOp = "=" | "!=" | "<" | ">" | "<=" | ">=" | "&" | "+" | "-" | "*" | "/";
