// The common envelope: HTTP 200 with ActionStatus/ErrorCode/ErrorInfo for every business result
// (reference §0 row 2). ErrorInfo texts follow Tencent's wording where the docs give it.
export interface EmuResponse {
  /** HTTP status; 200 for every business answer, errors included. */
  status: number;
  body: Record<string, unknown>;
}

export function ok(payload: Record<string, unknown> = {}): EmuResponse {
  return { status: 200, body: { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ...payload } };
}

export function fail(code: number, info: string): EmuResponse {
  return { status: 200, body: { ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info } };
}

/** Thrown inside handlers to answer with a documented error code. */
export class EmuFailure extends Error {
  constructor(
    readonly code: number,
    readonly info: string,
  ) {
    super(`${code}: ${info}`);
  }
}

// Codes the emulator returns, each with the doc that documents it.
export const CODES = {
  notLoggedIn: 10001, // seed-0, seed-4
  systemError: 10002, // every seed
  invalidCommand: 10003, // every seed: unknown command under a known service
  invalidParam: 10004, // every seed
  noPermission: 10007, // every seed: unsupported group type / not admin
  groupNotFound: 10010, // every seed
  invalidGroupId: 10015, // every seed
  tooLarge: 10018, // seed-2, seed-3: answer over 1 MB
  httpParse: 60002, // §B.1: malformed URL or query
  jsonParse: 60003, // §B.1: body is not JSON (or empty)
  badAccount: 60004, // §B.1: identifier or usersig missing
  badSdkAppId: 60006, // §B.1: SDKAppID not numeric
  rateLimited: 60007, // §B.1: per-API frequency limit
  badResource: 60009, // §B.1: unknown service
  needsAdmin: 60010, // §B.1: identifier is not an App admin
  noSdkAppId: 60012, // §B.1: no SDKAppID in the URL
  sigExpired: 70001, // §B.2
  sigUnparseable: 70003, // §B.2
  sigBadHmac: 70009, // §B.2
  sigIdentifierMismatch: 70013, // §B.2
  sigSdkAppIdMismatch: 70014, // §B.2
  appNotFound: 70020, // §B.2
  sigRateLimited: 70050, // §B.2: repeated signature failures
} as const;
