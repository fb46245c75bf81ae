import { describe, expect, it } from "vitest";
import { describeChatError, ERROR_CATEGORIES, ERROR_CODES } from "../../src/chat/error-codes.js";

// Every code in the five API pages' error tables and in the REST public and UserSig code lists.
const SEED_CODES = [10001, 10002, 10003, 10004, 10007, 10010, 10015, 10018];
const PUBLIC_CODES = Array.from({ length: 20 }, (_, i) => 60002 + i);
const SIG_CODES = [70001, 70003, 70009, 70013, 70014, 70016, 70020, 70050, 70051, 70107, 70398];

describe("error table", () => {
  it.each([...SEED_CODES, ...PUBLIC_CODES, ...SIG_CODES])(
    "code %i has a meaning, a category and a next step an agent can act on",
    (code) => {
      const e = ERROR_CODES[code];
      expect(e).toBeDefined();
      expect(ERROR_CATEGORIES).toContain(e!.category);
      // Whole sentences, and the next step is not the meaning said again.
      expect(e!.meaning).toMatch(/^[A-Z(].*[.)]$/);
      expect(e!.nextStep).toMatch(/^[A-Z(].*[.)]$/);
      expect(e!.nextStep).not.toBe(e!.meaning);
      // What the operator must fix is named: the variable, the flag or the console.
      if (e!.category === "auth" || e!.category === "config") expect(e!.nextStep).toMatch(/TENCENT_CHAT_|--|console/);
    },
  );

  it("derives retryable from the category: only transient and rate-limit codes", () => {
    for (const code of Object.keys(ERROR_CODES).map(Number)) {
      const d = describeChatError(code);
      expect(d.retryable, String(code)).toBe(d.category === "transient" || d.category === "rate_limit");
    }
    expect(describeChatError(10002).retryable).toBe(true);
    expect(describeChatError(60008).retryable).toBe(true);
    expect(describeChatError(70001).retryable).toBe(false);
  });

  it("asks for a one-minute wait on 70050", () => {
    expect(ERROR_CODES[70050]!.retryAfterSeconds).toBe(60);
    expect(ERROR_CODES[70050]!.nextStep).toMatch(/60 seconds/);
  });

  it("points AVChatRoom member-list calls to the online tools", () => {
    expect(describeChatError(10007, "", "get_group_member_info").nextStep).toMatch(/get_online_members/);
    expect(describeChatError(10007, "", "get_online_member_num").meaning).toMatch(/Community/);
  });

  it("gives unknown codes a generic entry with the code and ErrorInfo", () => {
    const d = describeChatError(12345, "strange thing");
    expect(d.known).toBe(false);
    expect(d.meaning).toContain("12345");
    expect(d.meaning).toContain("strange thing");
    expect(d.retryable).toBe(false);
  });
});
