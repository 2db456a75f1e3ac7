"use client";
import { useTranslations } from "next-intl";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The browser's print dialog, where "Save as PDF" is one of the printers; print.css lays the page out on A4. */
export function PrintButton() {
  const t = useTranslations("overview");
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => window.print()}
      title={t("printTitle")}
      className="print:hidden"
      data-testid="overview-print"
    >
      <Printer aria-hidden className="size-4" />
      {t("print")}
    </Button>
  );
}
