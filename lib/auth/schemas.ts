import { z } from "zod";

export const ZSignInInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation.email" })),
  password: z
    .string()
    .min(1, { error: "validation.passwordRequired" })
    .max(1024, { error: "validation.tooLong" }),
});
