// Times go out as ISO 8601 strings; the raw Unix seconds stay next to them where callers need them.
export function isoFromSeconds(seconds: number | undefined): string | null {
  if (seconds === undefined || seconds <= 0 || !Number.isFinite(seconds)) return null;
  // Upstream numbers beyond what a date can hold (JoinTime: 1e13) render as unknown, not as a crash.
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export const DAY_SECONDS = 86_400;
