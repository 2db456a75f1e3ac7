"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { recordAudit, savePromise } from "@/lib/promises/mutations";
import { ZAuditRecordInput, ZPromiseSaveInput } from "@/lib/promises/schemas";

// Service promises: promise:write defines them, promise:audit records audits; the domain functions
// check. Compliance also shows on the overview.

export const savePromiseAction = authedAction(ZPromiseSaveInput, async (input, { user }) => {
  const result = await savePromise(user, input);
  revalidatePath("/promises", "layout");
  revalidatePath("/overview");
  return result;
});

export const recordAuditAction = authedAction(ZAuditRecordInput, async (input, { user }) => {
  const result = await recordAudit(user, input);
  revalidatePath("/promises", "layout");
  revalidatePath("/overview");
  return result;
});
