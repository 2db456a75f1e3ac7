"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Check, Copy, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { TCreatedApiKey } from "@/lib/api-keys/schemas";

/** The secret of a key just created: shown this once, with a copy button and a warning. */
export function NewSecret({ created }: { created: TCreatedApiKey }) {
  const t = useTranslations("apiKeys");
  const [isHidden, setHidden] = useState(false);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  if (isHidden) return null;

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <section
      className="rounded-md border border-amber-300 bg-amber-50 p-3"
      aria-labelledby="new-api-key-title"
      data-testid="new-api-key"
    >
      <h3 id="new-api-key-title" className="font-medium">
        {t("createdTitle", { name: created.name })}
      </h3>
      <p role="alert" className="mt-1 flex gap-2 text-sm text-amber-900">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        {t("secretWarning")}
      </p>
      <div className="mt-3 flex gap-2">
        <input
          readOnly
          aria-label={t("secretLabel")}
          value={created.secret}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-10 w-full rounded-md border border-neutral-300 bg-white px-2 font-mono text-xs"
          data-testid="new-api-key-secret"
        />
        <Button type="button" variant="secondary" onClick={copySecret}>
          {copy === "copied" ? (
            <Check aria-hidden className="size-4" />
          ) : (
            <Copy aria-hidden className="size-4" />
          )}
          {copy === "copied" ? t("copied") : t("copy")}
        </Button>
      </div>
      {copy === "failed" && <p className="mt-2 text-sm text-red-700">{t("copyFailed")}</p>}
      <Button type="button" variant="ghost" className="mt-2" onClick={() => setHidden(true)}>
        {t("done")}
      </Button>
    </section>
  );
}
