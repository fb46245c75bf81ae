// One table: Chat error code -> what it means, whether a retry helps, and what to do next.
// Sources: the error tables of each API's page, the REST error codes
// (https://www.tencentcloud.com/document/product/1047/34348) and the public codes 60002-60021.
// Used by the client (retry decisions), the tools (isError text) and explain_chat_error.
import { apiNamed } from "./apis/index.js";
import {
  ChatApiError,
  ChatHttpError,
  ChatInputError,
  ChatNetworkError,
  ChatProtocolError,
  ConfigurationError,
  WriteOutcomeUnknownError,
  WriteRefusedError,
} from "./errors.js";

export const ERROR_CATEGORIES = [
  "auth",
  "config",
  "rate_limit",
  "transient",
  "not_found",
  "invalid_input",
  "unsupported_group_type",
  "too_large",
  "billing",
  "permission",
  "request_bug",
  "internal",
  "refused",
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export interface ErrorCodeEntry {
  category: ErrorCategory;
  retryable: boolean;
  meaning: string;
  nextStep: string;
  /** Minimum wait before a retry, when the docs give one (70050: one minute). */
  retryAfterSeconds?: number;
}

/** A retry helps exactly when the fault is temporary: derived from the category, never written per code. */
export function retryableCategory(category: ErrorCategory): boolean {
  return category === "transient" || category === "rate_limit";
}

type TableEntry = Omit<ErrorCodeEntry, "retryable">;

const KEY_VARS = "TENCENT_CHAT_SECRET_KEY (or TENCENT_CHAT_USERSIG)";

export const ERROR_CODES: Readonly<Record<number, TableEntry>> = Object.freeze({
  // ---- group API codes (the error tables of each API page) ----
  10001: {
    category: "auth",
    meaning: "Not logged in: the admin account or its UserSig was not accepted.",
    nextStep: `Check TENCENT_CHAT_IDENTIFIER (must be an App admin) and ${KEY_VARS}.`,
  },
  10002: {
    category: "transient",
    meaning: "Internal system error on Tencent's side.",
    nextStep: "Retry after a short pause; if it persists, contact Tencent Cloud support.",
  },
  10003: {
    category: "request_bug",
    meaning: "Invalid command word: the API route is not recognised.",
    nextStep: "This is a bug in this server or a wrong TENCENT_CHAT_BASE_URL; report it with the tool name.",
  },
  10004: {
    category: "invalid_input",
    meaning: "A parameter is invalid (missing, wrong type or out of the documented range); ErrorInfo names it.",
    nextStep:
      "Fix the parameter named in ErrorInfo (limits: 50 group IDs per get_group_info, Limit 1-200, or 1-100 for Community, 500 accounts per mark call, marks >= 1000 or 500/600).",
  },
  10007: {
    category: "permission",
    meaning: "No permission: the group type does not support this API, or the identifier is not an App admin.",
    nextStep:
      "Check the group type (get_group_info). AVChatRoom: use get_online_members / summarize_online_members instead of member lists; the Community online count and get_group_member_info's Next cursor are Community-only; marks are AVChatRoom-only. Otherwise check that TENCENT_CHAT_IDENTIFIER is an App admin.",
  },
  10010: {
    category: "not_found",
    meaning: "The group does not exist, or it existed and was dismissed.",
    nextStep: "Check the group ID (exact case, including the @TGS# prefix); a dismissed group cannot be read any more.",
  },
  10014: {
    category: "invalid_input",
    meaning: "The group is full: its member count is at its cap (MaxMemberNum).",
    nextStep: "Raise the cap with update_group_profile (max_members, within the plan's limit) or remove members first.",
  },
  10017: {
    category: "permission",
    meaning: "The sender is muted (in this group, by mute-all, or app-wide) and cannot post.",
    nextStep:
      "Post as the admin (leave from_account out), or lift the mute first (unmute_members, set_mute_all, set_account_mute).",
  },
  10049: {
    category: "rate_limit",
    meaning: "Group attributes were written too often (at most 5 writes a second).",
    nextStep: "Wait a second and write again; batch several keys into one call.",
  },
  10021: {
    category: "invalid_input",
    meaning: "The custom group ID is used already by another group of this app.",
    nextStep: "Pick another group_id, or leave it out and let Tencent assign one.",
  },
  // ---- app-wide mute (openconfigsvr/setnospeaking, getnospeaking: https://www.tencentcloud.com/document/product/1047/34923) ----
  130001: {
    category: "request_bug",
    meaning: "The request body is not valid JSON.",
    nextStep: "This is a bug in this server; report it with the tool name.",
  },
  130004: {
    category: "invalid_input",
    meaning: "The request names no account.",
    nextStep: "Give the account (a UserID).",
  },
  130005: {
    category: "invalid_input",
    meaning: "The account is not a valid UserID.",
    nextStep: "Check the UserID (1-32 printable ASCII characters, exact case).",
  },
  130008: {
    category: "invalid_input",
    meaning: "Neither a one-to-one nor a group mute duration was given.",
    nextStep: "Give direct_seconds, group_seconds or both (0 lifts a mute, forever mutes for good).",
  },
  130014: {
    category: "transient",
    meaning: "Internal system error on Tencent's side.",
    nextStep: "Retry after a short pause; if it persists, contact Tencent Cloud support.",
  },
  10015: {
    category: "invalid_input",
    meaning:
      "The group ID is malformed (Tencent does not accept it as a group ID at all; a well-formed ID of a missing group answers 10010).",
    nextStep: "Use the exact group ID, e.g. @TGS#1NVTZEAE4; Community IDs start with @TGS#_.",
  },
  10018: {
    category: "too_large",
    meaning: "The answer would exceed 1 MB because the requested data is too large.",
    nextStep:
      "Request less per call: page members with a smaller limit (get_group_member_info, 100 per page), ask get_group_info without member lists, or use the summarize_/find_ tools, which page for you.",
  },
  // ---- REST public codes 60002-60021 (https://cloud.tencent.com/document/product/679/131708) ----
  60002: {
    category: "request_bug",
    meaning: "HTTP parse error: the request URL is malformed.",
    nextStep: "Check TENCENT_CHAT_BASE_URL; if it is right, report a bug.",
  },
  60003: {
    category: "request_bug",
    meaning: "The request JSON could not be parsed.",
    nextStep: "Report a bug in this server with the tool name and arguments.",
  },
  60004: {
    category: "auth",
    meaning: "The account or signature in the request is wrong.",
    nextStep: `Check TENCENT_CHAT_IDENTIFIER and ${KEY_VARS}.`,
  },
  60005: {
    category: "auth",
    meaning: "The account or signature in the request is wrong.",
    nextStep: `Check TENCENT_CHAT_IDENTIFIER and ${KEY_VARS}.`,
  },
  60006: {
    category: "config",
    meaning: "The SDKAppID is invalid.",
    nextStep: "Check TENCENT_CHAT_SDKAPPID against the Chat console.",
  },
  60007: {
    category: "rate_limit",
    meaning: "This REST API's call frequency limit was exceeded (default 200 calls/s per API).",
    nextStep:
      "Wait a second and retry at a lower rate (TENCENT_CHAT_RATE_LIMIT); the aggregate tools already pace themselves.",
  },
  60008: {
    category: "transient",
    meaning: "Service request timeout (or a malformed HTTP request).",
    nextStep: "Retry after a short pause.",
  },
  60009: {
    category: "request_bug",
    meaning: "Request resource error: the URL's service or command is wrong.",
    nextStep: "Check TENCENT_CHAT_BASE_URL; if it is right, report a bug.",
  },
  60010: {
    category: "permission",
    meaning: "The request needs App admin permission.",
    nextStep: "Set TENCENT_CHAT_IDENTIFIER to an App admin account (see the Chat console).",
  },
  60011: {
    category: "rate_limit",
    meaning: "The app's (SDKAppID-wide) request frequency limit was exceeded.",
    nextStep: "Wait and retry more slowly; other services of the same app share this limit.",
  },
  60012: {
    category: "request_bug",
    meaning: "The REST call carries no SDKAppID.",
    nextStep: "Set TENCENT_CHAT_SDKAPPID.",
  },
  60013: {
    category: "transient",
    meaning: "Tencent could not parse its own HTTP response JSON.",
    nextStep: "Retry after a short pause.",
  },
  60014: {
    category: "transient",
    meaning: "Account exchange timed out.",
    nextStep: "Retry after a short pause.",
  },
  60015: {
    category: "request_bug",
    meaning: "Wrong account type in the body: accounts must be strings.",
    nextStep: "Pass account IDs as strings.",
  },
  60016: {
    category: "config",
    meaning: "The SDKAppID is disabled.",
    nextStep: "Re-enable the app in the Chat console or use another TENCENT_CHAT_SDKAPPID.",
  },
  60017: {
    category: "config",
    meaning: "The request is disabled for this app.",
    nextStep: "Check the app's status and feature switches in the Chat console.",
  },
  60018: {
    category: "rate_limit",
    meaning: "Requests are too frequent.",
    nextStep: "Wait a few seconds and retry more slowly.",
  },
  60019: {
    category: "rate_limit",
    meaning: "Requests are too frequent.",
    nextStep: "Wait a few seconds and retry more slowly.",
  },
  60020: {
    category: "billing",
    meaning: "The Pro plan has expired.",
    nextStep: "Renew the plan in the Tencent Cloud console; it takes effect about 5 minutes after purchase.",
  },
  60021: {
    category: "config",
    meaning: "The source IP of the REST call is not on the app's allowlist.",
    nextStep: "Add this machine's public IP to the REST API IP allowlist in the Chat console.",
  },
  // ---- account and UserSig codes (https://www.tencentcloud.com/document/product/1047/34348) ----
  70001: {
    category: "auth",
    meaning: "The UserSig has expired.",
    nextStep:
      "With TENCENT_CHAT_SECRET_KEY the server renews its UserSig itself: check the machine's clock. With TENCENT_CHAT_USERSIG, generate a new one (valid for at least 24 h).",
  },
  70003: {
    category: "auth",
    meaning: "The UserSig could not be parsed.",
    nextStep: `Check ${KEY_VARS}: a UserSig is URL-safe base64 (characters A-Z a-z 0-9 * - _).`,
  },
  70009: {
    category: "auth",
    meaning: "The UserSig failed verification: it was probably signed with another app's secret key.",
    nextStep:
      "Check that TENCENT_CHAT_SECRET_KEY belongs to TENCENT_CHAT_SDKAPPID (Chat console > app > basic config).",
  },
  70013: {
    category: "auth",
    meaning: "The identifier in the request differs from the one in the UserSig.",
    nextStep: "Generate the UserSig for TENCENT_CHAT_IDENTIFIER, or fix TENCENT_CHAT_IDENTIFIER.",
  },
  70014: {
    category: "auth",
    meaning: "The SDKAppID in the request differs from the one in the UserSig.",
    nextStep: "Check TENCENT_CHAT_SDKAPPID and the UserSig/secret key belong to the same app.",
  },
  70016: {
    category: "config",
    meaning: "The key does not exist: the SDKAppID does not match the data-center domain.",
    nextStep: "Set TENCENT_CHAT_REGION to the app's region (see the Chat console).",
  },
  70020: {
    category: "config",
    meaning: "The SDKAppID does not exist (often: wrong region or domain).",
    nextStep: "Check TENCENT_CHAT_SDKAPPID and TENCENT_CHAT_REGION.",
  },
  70050: {
    category: "rate_limit",
    retryAfterSeconds: 60,
    meaning: "UserSig verification failed and the failure-frequency limit was hit.",
    nextStep: `Wait at least 60 seconds before retrying, and fix ${KEY_VARS} first: repeated failures extend the block.`,
  },
  70051: {
    category: "permission",
    meaning: "The account is blacklisted.",
    nextStep: "Remove the admin account from the blacklist in the Chat console.",
  },
  70107: {
    category: "not_found",
    meaning: "The account was never imported into Chat.",
    nextStep: "Import the account (account_import) or check TENCENT_CHAT_IDENTIFIER.",
  },
  70398: {
    category: "billing",
    meaning: "Probably: the number of accounts exceeds the free or trial edition's limit (meaning unconfirmed).",
    nextStep: "Check the app's edition and account count in the console.",
  },
});

export type ErrorDescription = ErrorCodeEntry & { code?: number; known: boolean; info?: string };

/** Meaning, category, retry advice and next step for a Chat error code (unknown codes get a generic entry). */
export function describeChatError(code: number, info?: string, api?: string): ErrorDescription {
  const entry = ERROR_CODES[code];
  if (!entry) {
    const transient = code >= 500 && code < 600;
    return {
      code,
      known: false,
      info,
      category: transient ? "transient" : "internal",
      retryable: transient,
      meaning: `Chat error ${code} is not in this server's table${info ? `; Tencent says: "${info}"` : ""}.`,
      nextStep:
        "Look the code up in Tencent Cloud Chat's error-code list; retry once only if the text suggests a temporary fault.",
    };
  }
  const refined = { ...entry, ...refineForApi(code, api) };
  return { ...refined, retryable: retryableCategory(refined.category), code, known: true, info };
}

// 10007 is one code for two situations (wrong group type, or no permission): each API's descriptor names
// the likely one for it.
function refineForApi(code: number, api?: string): Partial<TableEntry> {
  if (code !== 10007 || !api) return {};
  const hint = apiNamed(api)?.unsupported;
  if (!hint) return { nextStep: "Check that TENCENT_CHAT_IDENTIFIER is an App admin." };
  return { category: api === "get_group_info" ? "permission" : "unsupported_group_type", ...hint };
}

/** Any failure (Chat code, HTTP, network, input, configuration) in the same shape as the table. */
export function describeFailure(err: unknown): ErrorDescription {
  if (err instanceof ChatApiError) return describeChatError(err.code, err.info, err.api);
  if (err instanceof ChatHttpError) {
    const retryable = err.status >= 500 || err.status === 429;
    return {
      known: true,
      category: retryable ? "transient" : "request_bug",
      retryable,
      meaning: `The Chat API answered HTTP ${err.status} (Tencent answers 200 for business errors, so this is a gateway or network fault).`,
      nextStep: retryable
        ? "Retry after a short pause; the server already retried a few times."
        : "Check TENCENT_CHAT_BASE_URL / TENCENT_CHAT_REGION.",
    };
  }
  if (err instanceof ChatProtocolError) {
    return {
      known: true,
      category: "internal",
      retryable: false,
      meaning: `${err.message}: not the documented JSON answer.`,
      nextStep:
        "Check TENCENT_CHAT_BASE_URL / TENCENT_CHAT_REGION (a proxy or captive portal may be answering instead of Tencent); if it persists, report it with the API name.",
    };
  }
  if (err instanceof ChatNetworkError) {
    return {
      known: true,
      category: "transient",
      retryable: true,
      meaning: err.timedOut
        ? `The Chat API did not answer in time (${err.message}).`
        : `The Chat API could not be reached or answered garbage (${err.message}).`,
      nextStep: err.timedOut
        ? "Retry later; for whole-group tools a larger max_seconds, otherwise TENCENT_CHAT_TIMEOUT_MS, allows more time."
        : "Check the network and TENCENT_CHAT_REGION / TENCENT_CHAT_BASE_URL, then retry.",
    };
  }
  if (err instanceof ChatInputError) {
    return {
      known: true,
      category: "invalid_input",
      retryable: false,
      meaning: err.message,
      nextStep:
        err.nextStep ??
        (err.allowed ? `Use a value for ${err.param} within ${err.allowed}.` : `Fix ${err.param} and call again.`),
    };
  }
  if (err instanceof WriteOutcomeUnknownError) {
    return { known: true, category: "transient", retryable: false, meaning: err.message, nextStep: err.nextStep };
  }
  if (err instanceof WriteRefusedError) {
    // Passing reasons (the ledger did not answer, the budget frees up) can be retried as they are.
    const retryable = err.reason === "ledger_unavailable" || err.reason === "over_budget";
    return {
      known: true,
      category: "refused",
      retryable,
      ...(err.retryAfterSeconds ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
      meaning: `${err.message} Nothing was sent.`,
      nextStep: err.nextStep,
    };
  }
  if (err instanceof ConfigurationError) {
    return {
      known: true,
      category: "config",
      retryable: false,
      meaning: err.message,
      nextStep:
        "Fix the configuration named above and restart the server (or use --demo to try the tools on the embedded emulator).",
    };
  }
  return {
    known: false,
    category: "internal",
    retryable: false,
    meaning: "An unexpected internal error occurred.",
    nextStep: "Retry once; if it happens again, report it with the tool name and arguments.",
  };
}
