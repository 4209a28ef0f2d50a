// A personal access token is `pat` + 14-char id + `.` + 64 hex characters of secret. No server
// imports: the wizard checks a pasted token's shape with it too.
export const TOKEN_PATTERN = /^(pat[A-Za-z0-9]{14})\.([0-9a-f]{64})$/;
