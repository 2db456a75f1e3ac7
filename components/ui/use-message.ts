"use client";
import { useTranslations } from "next-intl";

/** Translates the message keys that actions and validation return ("validation.email"). */
export function useMessage() {
  const t = useTranslations();
  return (key: string) => (t.has(key) ? t(key) : key);
}
