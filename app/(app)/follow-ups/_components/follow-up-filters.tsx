"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";

type TProps = { status: "OPEN" | "CLOSED"; siteId: string; sites: { id: string; name: string }[] };

/** Status tabs and a site filter, kept in the URL so that a view can be shared. */
export function FollowUpFilters({ status, siteId, sites }: TProps) {
  const t = useTranslations("followUps");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    router.push(`${pathname}?${next.toString()}`);
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <div
        role="tablist"
        aria-label={t("statusLabel")}
        className="inline-flex rounded-md border border-neutral-300 bg-white p-0.5"
      >
        {(["OPEN", "CLOSED"] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={status === value}
            onClick={() => setParam("status", value === "OPEN" ? "" : "closed")}
            className={`min-h-9 rounded px-4 text-sm font-medium ${status === value ? "bg-accent text-white" : "text-neutral-700 hover:bg-neutral-100"}`}
          >
            {t(`status.${value}`)}
          </button>
        ))}
      </div>
      {sites.length > 1 && (
        <label className="flex items-center gap-2 text-sm">
          <span className="text-neutral-700">{t("siteFilter")}</span>
          <span className="w-48">
            <Select value={siteId} onChange={(event) => setParam("site", event.target.value)}>
              <option value="">{t("allSites")}</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </Select>
          </span>
        </label>
      )}
    </div>
  );
}
