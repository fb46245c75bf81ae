// The one rule for each identifier the APIs take, used by the request schemas, the tools' parameters and
// the configuration. Custom group IDs are printable ASCII under 48 bytes, and Community IDs add "@TGS#_"
// (https://www.tencentcloud.com/document/product/1047/33529); UserIDs are at most 32 bytes of printable
// ASCII (https://trtc.io/document/34385).
export const GROUP_ID_RULE = Object.freeze({
  pattern: /^[\x20-\x7e]{1,64}$/,
  max: 64,
  text: "1-64 printable ASCII characters",
});
export const USER_ID_RULE = Object.freeze({
  pattern: /^[\x20-\x7e]{1,32}$/,
  max: 32,
  text: "1-32 printable ASCII characters",
});
