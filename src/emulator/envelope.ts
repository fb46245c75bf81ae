// The common envelope: HTTP 200 with ActionStatus/ErrorCode/ErrorInfo for every business result
// (https://www.tencentcloud.com/document/product/1047/34620). ErrorInfo texts follow Tencent's wording where the docs give it.
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
  notLoggedIn: 10001, // get_members, modify_user_info pages
  systemError: 10002, // every group API page
  invalidCommand: 10003, // every group API page: unknown command under a known service
  invalidParam: 10004, // every group API page
  noPermission: 10007, // every group API page: unsupported group type / not admin
  groupNotFound: 10010, // every group API page
  groupFull: 10014, // add_group_member, create_group pages: the group is full
  senderMuted: 10017, // send_group_msg page: the sender is muted
  groupIdTaken: 10021, // create_group page: the custom group ID is used already
  attrRateLimited: 10049, // group attribute pages and SDK notes: more than 5 attribute writes a second
  invalidGroupId: 10015, // every group API page
  tooLarge: 10018, // answer over 1 MB
  httpParse: 60002, // REST public code: malformed URL or query
  jsonParse: 60003, // REST public code: body is not JSON (or empty)
  badAccount: 60004, // REST public code: identifier or usersig missing
  badSdkAppId: 60006, // REST public code: SDKAppID not numeric
  rateLimited: 60007, // REST public code: per-API frequency limit
  badResource: 60009, // REST public code: unknown service
  needsAdmin: 60010, // REST public code: identifier is not an App admin
  noSdkAppId: 60012, // REST public code: no SDKAppID in the URL
  sigExpired: 70001, // UserSig code
  sigUnparseable: 70003, // UserSig code
  sigBadHmac: 70009, // UserSig code
  sigIdentifierMismatch: 70013, // UserSig code
  sigSdkAppIdMismatch: 70014, // UserSig code
  appNotFound: 70020, // UserSig code
  sigRateLimited: 70050, // UserSig code: repeated signature failures
  accountMissing: 130004, // setnospeaking page: no Set_Account (getnospeaking: no Get_Account, by the same rule)
  accountInvalid: 130005, // setnospeaking page: the account field is invalid
  noMuteTime: 130008, // setnospeaking page: neither duration given
} as const;
