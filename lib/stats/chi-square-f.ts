// The χ² and F tails the control charts' dispersion tests need, from @stdlib like every
// distribution here. Kept apart from distributions.ts, which the browser loads for the live power
// analysis: the incomplete gamma function's bundle evaluates generated code, which the
// Content-Security-Policy forbids (docs/SECURITY.md), and only the server needs these.
import betainc from "@stdlib/math-base-special-betainc";
import gammainc from "@stdlib/math-base-special-gammainc";
import { assertDf } from "./distributions";

/**
 * Upper tail of the χ² distribution with df degrees of freedom, P(X ≥ x): the regularized upper
 * incomplete gamma function Q(df/2, x/2), which is how the χ² distribution is defined.
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (Number.isNaN(x)) throw new RangeError("x must be a number");
  assertDf(df);
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * Upper tail of Fisher's F distribution with (df1, df2) degrees of freedom, P(F ≥ f): the
 * regularized incomplete beta function I_{df2/(df2 + df1·f)}(df2/2, df1/2), the F distribution's
 * definition through the beta.
 */
export function fUpperTail(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f)) throw new RangeError("f must be a number");
  assertDf(df1);
  assertDf(df2);
  if (f <= 0) return 1;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, false);
}
