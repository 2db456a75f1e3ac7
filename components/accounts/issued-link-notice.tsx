"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TIssuedLink } from "@/lib/accounts/schemas";

/**
 * What became of a link an admin issued: mailed to the person, or shown here once to hand over
 * (no mail configured, or sending failed), with a copy button.
 */
export function IssuedLinkNotice({
  issued,
  mailedText,
}: {
  issued: TIssuedLink;
  mailedText: string;
}) {
  const t = useTranslations("accounts");
  const format = useFormatter();
  const [isCopied, setIsCopied] = useState(false);
  if (issued.mailed) return <Notice tone="success">{mailedText}</Notice>;
  return (
    <Notice tone={issued.mailFailed ? "error" : "success"}>
      <span className="flex flex-col gap-2">
        <span>
          {t(issued.mailFailed ? "handOver.mailFailed" : "handOver.noMail", {
            email: issued.email,
            expires: format.dateTime(issued.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
          })}
        </span>
        <code className="break-all rounded bg-white px-2 py-1 text-xs" data-testid="issued-link">
          {issued.link}
        </code>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            void navigator.clipboard.writeText(issued.link).then(() => setIsCopied(true))
          }
        >
          {isCopied ? t("link.copied") : t("link.copy")}
        </Button>
      </span>
    </Notice>
  );
}
