import type { ReactNode } from "react";

/** A message after an action: errors are announced at once, successes politely. */
export function Notice({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  const styles =
    tone === "error"
      ? "border-red-200 bg-red-50 text-red-800"
      : "border-green-200 bg-green-50 text-green-800";
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={`notice-${tone}`}
      className={`rounded-md border px-3 py-2 text-sm ${styles}`}
    >
      {children}
    </div>
  );
}
