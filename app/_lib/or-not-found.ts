import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * A page's read of the domain: its value, or the 404 page when the domain answers NOT_FOUND
 * (another organization's id is "not found" too). With invalidIsNotFound, a VALIDATION error
 * (a mistyped id or filter in a shared link) is a 404 as well. Any other error propagates.
 */
export async function orNotFound<T>(
  read: Promise<T>,
  options: { invalidIsNotFound?: boolean } = {},
): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (
      isAppError(error) &&
      (error.code === "NOT_FOUND" || (options.invalidIsNotFound && error.code === "VALIDATION"))
    )
      notFound();
    throw error;
  }
}
