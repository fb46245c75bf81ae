import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bindingOf, cursorCodec, deriveCursorKey } from "../../src/aggregate/resume-cursor.js";
import { ChatInputError } from "../../src/chat/errors.js";

const State = z.object({ scanned: z.number().int().min(0).max(1000) });
const codec = cursorCodec(deriveCursorKey("secret"));
const bind = bindingOf(["@TGS#1", null]);

describe("decodeCursor", () => {
  it("gives back the position, the skip and the state it was made with", () => {
    const c = codec.encode({ tool: "t", bind, pos: { kind: "next", next: "123" }, skip: 7, state: { scanned: 50 } });
    expect(codec.decode(c, "t", bind, State)).toMatchObject({
      pos: { kind: "next", next: "123" },
      skip: 7,
      state: { scanned: 50 },
    });
  });

  it("refuses another tool, other filters, a state out of range, and a cursor of another version", () => {
    const c = codec.encode({ tool: "t", bind, pos: { kind: "offset", offset: 0 }, skip: 0, state: { scanned: 5000 } });
    expect(() => codec.decode(c, "u", bind, State)).toThrow(/another call/);
    expect(() => codec.decode(c, "t", bindingOf(["@TGS#2", null]), State)).toThrow(/another call/);
    expect(() => codec.decode(c, "t", bind, State)).toThrow(/state is malformed/);
    const old = codec.encode({ tool: "t", bind, pos: { kind: "offset", offset: 0 }, skip: 0, state: {} });
    const [payload] = old.split(".");
    const v1 = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), v: 1 }),
    ).toString("base64url");
    expect(() => codec.decode(`${v1}.${old.split(".")[1]}`, "t", bind, State)).toThrow(ChatInputError);
  });
});
