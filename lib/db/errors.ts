import { Prisma } from "./generated/client";

/** A unique constraint refused the write: another request stored the same key first (P2002). */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** A serializable transaction lost a race with another (P2034): trying again may succeed. */
export const isSerializationFailure = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
