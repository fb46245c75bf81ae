// The `call` command's own options (everything else goes to the server it starts). Its own module so the
// bin can parse them without loading the command.
export const CALL_OPTIONS = { args: { type: "string" }, json: { type: "boolean" }, app: { type: "string" } } as const;
