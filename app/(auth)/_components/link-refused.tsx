import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import type { TLinkState } from "@/lib/accounts/link-rules";

/** A single-use link that no longer works (or never did): why, and the way to sign in. */
export async function LinkRefused({ state }: { state: TLinkState | "unknown" }) {
  const t = await getTranslations();
  return (
    <>
      <Notice tone="error">
        <span data-testid="link-refused">
          {t(`accounts.link.${state === "usable" ? "unknown" : state}`)}
        </span>
      </Notice>
      <p className="mt-4 text-sm">
        <Link href="/login" className="text-accent underline">
          {t("accounts.setup.toSignIn")}
        </Link>
      </p>
    </>
  );
}
