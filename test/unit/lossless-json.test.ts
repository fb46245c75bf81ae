import { describe, expect, it } from "vitest";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { parseJsonBigIntegersAsStrings } from "../../src/chat/lossless-json.js";
import { buildRequest } from "../../src/chat/request.js";

describe("lossless JSON for uint64 cursors", () => {
  it("reads integers beyond 2^53 as their exact digits and leaves everything else to JSON.parse", () => {
    const text =
      '{"Next":9223372036854878209,"TotalCount":58,"Small":9007199254740991,"Neg":-9223372036854775808,"F":1.5e300,"D":123456789012345678.5}';
    expect(parseJsonBigIntegersAsStrings(text)).toEqual({
      Next: "9223372036854878209",
      TotalCount: 58,
      Small: 9007199254740991,
      Neg: "-9223372036854775808",
      F: 1.5e300,
      D: Number("123456789012345678.5"),
    });
  });

  it("never touches digits inside strings, escaped quotes included", () => {
    const text =
      '{"GroupId":"@TGS#9223372036854878209","Name":"say \\"9223372036854878209\\" twice","N":[18446744073709551615]}';
    expect(parseJsonBigIntegersAsStrings(text)).toEqual({
      GroupId: "@TGS#9223372036854878209",
      Name: 'say "9223372036854878209" twice',
      N: ["18446744073709551615"],
    });
  });

  it("sends a uint64 cursor back as bare digits, and only that field", () => {
    const { body } = buildRequest(
      "http://h",
      CHAT_APIS.getAppidGroupList,
      { Limit: 10, Next: "9223372036854878209", GroupType: "Public" },
      { sdkAppId: 1, identifier: "a", userSig: "s" },
      1,
    );
    expect(body).toBe('{"Limit":10,"Next":9223372036854878209,"GroupType":"Public"}');
    const other = buildRequest(
      "http://h",
      CHAT_APIS.getGroupMemberInfo,
      { GroupId: "@TGS#_x", Next: "123" },
      {
        sdkAppId: 1,
        identifier: "a",
        userSig: "s",
      },
    );
    expect(other.body).toBe('{"GroupId":"@TGS#_x","Next":"123"}'); // Community's Next is a string cursor
  });
});
