// Documented limits the client plans with (pages, batches, caps it reports). Request-level limits live in
// each API's request schema (apis/); the emulator keeps its own copy (src/emulator/rules.ts) so that a
// wrong number cannot pass both sides.
export const LIMITS = Object.freeze({
  /** get_group_info: group IDs per call. */
  groupInfoMaxGroups: 50,
  /** get_members: at most the 1,000 latest online members; 30 on lower editions. */
  onlineListCap: 1000,
  onlineListCapLowerEdition: 30,
  /** Default per-API frequency limit, calls per second (stated on every group API page). */
  defaultCallsPerSecond: 200,
  /** Community online count refresh period (https://trtc.io/document/66883). */
  communityOnlineRefreshSeconds: 240,
  /** Live-group online count granularity (https://trtc.io/document/38521). */
  liveOnlineRefreshSeconds: 10,
});
