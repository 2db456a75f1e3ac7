// Errors the domain raises on purpose. Messages are keys into messages/*.json so the UI can
// show them in the user's language. Anything else is a bug and is reported as INTERNAL.

export type TErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT";

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    messageKey: string = `errors.${code}`,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

export const notFound = (entity: string) =>
  new AppError("NOT_FOUND", "errors.NOT_FOUND", { [entity]: ["errors.NOT_FOUND"] });
export const forbidden = () => new AppError("FORBIDDEN");
export const conflict = (messageKey: string) => new AppError("CONFLICT", messageKey);
export const invalid = (fieldErrors: Record<string, string[]>) =>
  new AppError("VALIDATION", "errors.VALIDATION", fieldErrors);

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
