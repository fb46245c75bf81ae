// The emulator alone in a child process (`node --import tsx test/helpers/emulator-process.ts <calls/s>`),
// so its clock and event loop are not stalled by the load generator in the test process: the per-second
// windows it counts are then the arrivals a real server would see.
import { startEmulator } from "../../src/emulator/index.js";

const emu = await startEmulator({ port: 0, callsPerSecond: Number(process.argv[2] ?? 200), largeGroups: false });
process.stdout.write(`${JSON.stringify({ url: emu.url, ...emu.credentials })}\n`);
process.on("SIGTERM", () => void emu.stop().then(() => process.exit(0)));
