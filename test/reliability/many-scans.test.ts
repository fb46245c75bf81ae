// 500 concurrent callers on one ChatClient against an emulator in its own process (so its per-second
// windows are arrival windows): the client's budget holds every second under the limit, no 60007.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAT_APIS } from "../../src/chat/apis/index.js";
import { ChatClient } from "../../src/chat/client.js";
import { createUserSigProvider } from "../../src/chat/usersig.js";
import { DEMO_GROUP_IDS } from "../../src/emulator/index.js";
import { type EmulatorProcess, spawnEmulator } from "../helpers/spawn-emulator.js";

const LIMIT = 200;
const CALLERS = 500;
let emu: EmulatorProcess;
let chat: ChatClient;

beforeAll(async () => {
  emu = await spawnEmulator(LIMIT);
  const c = emu.credentials;
  chat = new ChatClient({
    baseUrl: emu.url,
    sdkAppId: c.sdkAppId,
    identifier: c.identifier,
    userSig: createUserSigProvider({ ...c }),
  });
});
afterAll(async () => {
  await chat.close();
  await emu.stop();
});

describe(`${CALLERS} concurrent callers on one client`, () => {
  it(`never put more than ${LIMIT} calls in one second (no 60007)`, async () => {
    let calls = 0;
    let failures = 0;
    const stopAt = Date.now() + 3000;
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (Date.now() < stopAt) {
          try {
            await chat.call(CHAT_APIS.getGroupMemberInfo, { GroupId: DEMO_GROUP_IDS.public, Limit: 20, Offset: 0 });
            calls++;
          } catch {
            failures++;
          }
        }
      }),
    );
    const stats = await emu.stats();
    console.log(`${CALLERS} callers: ${calls} calls, peak ${JSON.stringify(stats.maxPerSecond)} in any second`);
    expect(failures).toBe(0);
    expect(stats.rateLimited).toEqual({});
    expect(calls).toBeGreaterThan(LIMIT);
  });
});
