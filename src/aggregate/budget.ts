// Every aggregate runs inside a budget: a deadline (max_seconds) and an item cap, and stops at once
// when the MCP client cancels. Stopping early is normal: the result then carries a resume cursor.
export interface Budget {
  deadlineMs: number;
  maxItems: number;
  signal: AbortSignal;
}

export function makeBudget(maxSeconds: number, maxItems: number, signal: AbortSignal): Budget {
  return { deadlineMs: Date.now() + maxSeconds * 1000, maxItems, signal };
}

export function outOfTime(b: Budget): boolean {
  return Date.now() >= b.deadlineMs;
}

/** A signal that aborts when the caller cancels or the deadline passes (aborting requests in flight). */
export function budgetSignal(b: Budget): AbortSignal {
  const ms = Math.max(1, b.deadlineMs - Date.now());
  return AbortSignal.any([b.signal, AbortSignal.timeout(ms)]);
}

/** Options for each upstream call of an aggregate: cancelled by `signal`, patient with rate limits until the deadline. */
export function budgetCallOptions(b: Budget, signal: AbortSignal): { signal: AbortSignal; patientUntilMs: number } {
  return { signal, patientUntilMs: b.deadlineMs };
}
