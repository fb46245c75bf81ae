import { describe, expect, it } from "vitest";
import { canonicalArgs, confirmTokens, deriveConfirmKey, tokenFingerprint } from "../../src/core/confirm-token.js";

describe("confirm tokens", () => {
  const tokens = confirmTokens(deriveConfirmKey("secret"));
  const args = { group_id: "@TGS#1", accounts: ["b", "a"], duration_seconds: 60, dry_run: true };

  it("confirm exactly the arguments of their dry run, in any order of a list, for ten minutes", () => {
    const t = tokens.issue("mute_members", args, 1000);
    expect(
      tokens.check("mute_members", { ...args, dry_run: false, accounts: ["a", "b"], confirm_token: t }, t, 1000),
    ).toBe("ok");
    expect(tokens.check("mute_members", { ...args, duration_seconds: 61 }, t, 1000)).toBe("mismatch");
    expect(tokens.check("mute_members", { ...args, accounts: ["a", "b", "c"] }, t, 1000)).toBe("mismatch");
    expect(tokens.check("ban_members", args, t, 1000)).toBe("mismatch");
    expect(tokens.check("mute_members", args, t, 1600)).toBe("ok");
    expect(tokens.check("mute_members", args, t, 1601)).toBe("expired");
  });

  it("refuse edited tokens, another app's and garbage", () => {
    const t = tokens.issue("mute_members", args, 1000);
    const other = confirmTokens(deriveConfirmKey("another secret"));
    expect(other.check("mute_members", args, t, 1000)).toBe("mismatch");
    const [exp, nonce, tag] = t.split(".");
    expect(
      tokens.check("mute_members", args, `${(Number.parseInt(exp!, 36) + 999).toString(36)}.${nonce}.${tag}`, 1000),
    ).toBe("mismatch");
    expect(tokens.check("mute_members", args, `${exp}.AAAAAAAA.${tag}`, 1000)).toBe("mismatch");
    for (const bad of ["", ".", "x.y", t.slice(0, -1)])
      expect(tokens.check("mute_members", args, bad, 1000)).toBe("malformed");
  });

  it("have one exact form: extra parts, spaces, a plus sign or another spelling of the expiry are refused", () => {
    const t = tokens.issue("mute_members", args, 1000);
    const [exp, nonce, tag] = t.split(".");
    for (const variant of [
      `${t}.extra`,
      ` ${t}`,
      `${t} `,
      `+${t}`,
      `${exp!.toUpperCase()}.${nonce}.${tag}`,
      `0${exp}.${nonce}.${tag}`,
      `${exp}.${nonce}..${tag}`,
      `${exp}.${tag}`,
      `${t}\n`,
    ])
      expect(tokens.check("mute_members", args, variant, 1000), JSON.stringify(variant)).toBe("malformed");
    expect(tokens.check("mute_members", args, t, 1000)).toBe("ok");
  });

  it("each dry run's token is its own (even in the same second); fingerprints differ and hold no token", () => {
    const a = tokens.issue("mute_members", args, 1000);
    const b = tokens.issue("mute_members", args, 1000);
    expect(a).not.toBe(b);
    expect(tokens.check("mute_members", args, b, 1000)).toBe("ok");
    expect(tokenFingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(tokenFingerprint(a)).not.toBe(tokenFingerprint(b));
    expect(a).not.toContain(tokenFingerprint(a));
  });

  it("the canonical form ignores the token fields and undefined values", () => {
    expect(canonicalArgs({ b: 1, a: [2, 1], dry_run: true, confirm_token: "x", c: undefined })).toBe(
      '{"a":[1,2],"b":1}',
    );
  });
});
