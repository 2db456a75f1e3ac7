"use client";
import type { CSSProperties, ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Star } from "lucide-react";
import { localized } from "@/lib/i18n/localized";
import type { TTouchpoint } from "@/lib/journeys/schemas";
import { CHANNEL_ICONS, DIMENSION_ICONS } from "./icons";
import type { TTouchpointOverlay } from "./overlay";

type TProps = {
  touchpoint: TTouchpoint;
  number: string;
  isCompact: boolean;
  overlay?: TTouchpointOverlay;
  /** Edit controls (MOT toggle, drag handle) for those who may edit, in a column beside the content. */
  controls?: ReactNode;
  onOpen: () => void;
  style?: CSSProperties;
  isDragging?: boolean;
};

const OVERLAY_TONES = {
  below: "bg-gap-below text-white",
  above: "bg-gap-above text-white",
  neutral: "bg-neutral-200 text-neutral-800",
};

/** One touchpoint on the map: MOTs stand out, dimension and channel show as icons with labels. */
export function TouchpointCard({
  touchpoint,
  number,
  isCompact,
  overlay,
  controls,
  onOpen,
  style,
  isDragging,
}: TProps) {
  const t = useTranslations("journeyMap");
  const locale = useLocale();
  const DimensionIcon = DIMENSION_ICONS[touchpoint.dimension];
  const ChannelIcon = CHANNEL_ICONS[touchpoint.channel];
  const name = localized(touchpoint, "name", locale);
  return (
    <div
      style={style}
      data-testid="touchpoint-card"
      data-mot={touchpoint.isMoT}
      className={`flex rounded-md border bg-white text-sm shadow-xs ${touchpoint.isMoT ? "border-mot ring-1 ring-mot" : "border-neutral-200"} ${isDragging ? "opacity-40" : ""}`}
    >
      <button
        type="button"
        onClick={onOpen}
        className={`block min-w-0 flex-1 text-left ${isCompact ? "px-2 py-1.5" : "px-3 py-2"}`}
        aria-label={t("openTouchpoint", { name })}
      >
        <span className="flex items-start gap-1.5">
          <span className="mt-0.5 shrink-0 text-xs tabular-nums text-neutral-500">{number}</span>
          <span
            className={`min-w-0 flex-1 font-medium text-neutral-900 ${isCompact ? "line-clamp-2 text-[13px] leading-snug" : "line-clamp-3"}`}
            title={name}
          >
            {name}
          </span>
          {touchpoint.isMoT && (
            <span
              className="inline-flex shrink-0 items-center gap-0.5 rounded bg-mot px-1 text-[10px] font-semibold uppercase text-white"
              title={t("motLong")}
            >
              <Star aria-hidden className="size-3 fill-current" />
              {isCompact ? <span className="sr-only">{t("mot")}</span> : t("mot")}
            </span>
          )}
        </span>
        {!isCompact && (
          <span className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-neutral-600">
            <span className="inline-flex items-center gap-1">
              <DimensionIcon aria-hidden className="size-3.5" />
              {t(`dimensions.${touchpoint.dimension}`)}
            </span>
            <span className="inline-flex items-center gap-1">
              <ChannelIcon aria-hidden className="size-3.5" />
              {t(`channels.${touchpoint.channel}`)}
            </span>
          </span>
        )}
        {isCompact && (
          <span className="sr-only">
            {t("dimensionAndChannel", {
              dimension: t(`dimensions.${touchpoint.dimension}`),
              channel: t(`channels.${touchpoint.channel}`),
            })}
          </span>
        )}
        {overlay && (
          <span
            className={`mt-1.5 inline-block rounded px-1.5 text-xs font-semibold tabular-nums ${OVERLAY_TONES[overlay.tone]}`}
            title={overlay.title}
          >
            {overlay.label}
          </span>
        )}
      </button>
      {controls}
    </div>
  );
}
