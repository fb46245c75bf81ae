// group_open_http_svc/get_role_in_group (https://cloud.tencent.com/document/api/269/1626): the role of up to 500
// accounts, NotMember for the others; not for live groups (10007).
import { CODES, EmuFailure, ok } from "../envelope.js";
import { RULES } from "../rules.js";
import { type Handler, requireGroup } from "./context.js";

export const getRoleInGroup: Handler = (ctx) => {
  const g = requireGroup(ctx);
  const accounts = ctx.body.User_Account;
  if (!Array.isArray(accounts) || accounts.length === 0 || !accounts.every((a) => typeof a === "string"))
    throw new EmuFailure(CODES.invalidParam, "User_Account must be a non-empty array of accounts");
  if (accounts.length > RULES.rolesMaxAccounts)
    throw new EmuFailure(CODES.invalidParam, `User_Account has more than ${RULES.rolesMaxAccounts} accounts`);
  return ok({
    UserIdList: (accounts as string[]).map((a) => ({
      Member_Account: a,
      Role: ctx.store.membership(g, a)?.role ?? "NotMember",
    })),
  });
};
