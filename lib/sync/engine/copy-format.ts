// COPY text format: backslash, tab, newline and carriage return must be escaped in every value.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export const escapeCopy = (text: string) => (SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : text);

// JSON text holds no raw tab, newline or carriage return (JSON escapes them), so of the four only
// backslashes can occur, and searching for one is cheaper than the regular expression.
export const escapeCopyJson = (json: string) => (json.includes("\\") ? json.replaceAll("\\", "\\\\") : json);
