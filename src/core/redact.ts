// Credentials never leave the server: a UserSig in a query string, or any token shaped like one
// (zlib streams in URL-safe base64 start "eJ"), is replaced wherever upstream text is passed on.
export function redactCredentials(text: string): string {
  return text.replace(/(usersig=)[^&\s"]+/gi, "$1[REDACTED]").replace(/eJ[A-Za-z0-9*\-_]{40,}/g, "[REDACTED]");
}
