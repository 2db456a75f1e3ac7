import { csvFileName, tableToCsv, type TCell } from "@/lib/exports/csv";

/** Builds the CSV in the browser and hands it to the user as a file: no round trip to the server. */
export function downloadCsv(slug: string, header: string[], rows: TCell[][]): void {
  const blob = new Blob([tableToCsv(header, rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = csvFileName(slug, new Date());
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
