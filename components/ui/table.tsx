import type { ReactNode, TdHTMLAttributes } from "react";

type TDataAttributes = { [name: `data-${string}`]: string | undefined };

/** Attributes one body row may carry: test ids, state for tests, a tone. */
type TRowAttributes = { className?: string } & TDataAttributes;

/** Attributes one body cell may carry: a tone, a tooltip, a test id. */
type TCellAttributes = Pick<TdHTMLAttributes<HTMLTableCellElement>, "className" | "title"> &
  TDataAttributes;

export type TTableColumn<T> = {
  /** Unique among the columns; React's key. */
  key: string;
  /** The column header (a message, never a literal). */
  header: ReactNode;
  /** Read by screen readers only, e.g. the column of row actions. */
  isHeaderHidden?: boolean;
  cell: (row: T) => ReactNode;
  /** Right-aligned, tabular figures, header included. */
  isNumeric?: boolean;
  /** Where the column's content sits when it is not a figure (row actions sit at the end). */
  align?: "left" | "right";
  /** The cell names its row: `<th scope="row">`. */
  isRowHeader?: boolean;
  /** Extra classes for the column's body cells. */
  className?: string;
  /** Attributes that depend on the row: a warm tone when overdue, a test id. */
  cellProps?: (row: T) => TCellAttributes;
};

type TProps<T> = {
  columns: TTableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  rowProps?: (row: T) => TRowAttributes;
  /** Names the table for screen readers; shown above it only with isCaptionShown. */
  caption?: string;
  isCaptionShown?: boolean;
  /** Shown instead of the table when there are no rows; without it, the headers alone. */
  empty?: ReactNode;
  /** "card": a bordered box of its own; "none": inside a card already, edges flush with its text. */
  frame?: "card" | "none";
  density?: "regular" | "compact";
  /** Scrolls within 24rem, the header staying in view. */
  isScrollable?: boolean;
  /** Layout classes (margins) for the table's container. */
  className?: string;
  /** On the container, which holds the table and nothing else. */
  testId?: string;
};

const PADDING = { regular: "px-3 py-2", compact: "px-2 py-1.5" } as const;
const FLUSH_EDGES = "first:pl-0 last:pr-0";

/**
 * A plain, accessible data table: column headers with `scope="col"`, an optional row header per
 * row, figures right-aligned in tabular numerals, and horizontal scrolling on narrow screens.
 * No hooks, so server and client components both render it.
 */
export function Table<T>({
  columns,
  rows,
  rowKey,
  rowProps,
  caption,
  isCaptionShown = false,
  empty,
  frame = "card",
  density = "regular",
  isScrollable = false,
  className = "",
  testId,
}: TProps<T>) {
  if (rows.length === 0 && empty !== undefined) return empty;
  const isCard = frame === "card";
  const cellBase = joined([PADDING[density], isCard ? "" : FLUSH_EDGES]);
  const align = (column: TTableColumn<T>) =>
    column.isNumeric
      ? "text-right tabular-nums"
      : column.align === "right"
        ? "text-right"
        : "text-left";
  const container = [
    "overflow-x-auto",
    isCard ? "rounded-lg border border-neutral-200 bg-white" : "",
    isScrollable ? "max-h-96 overflow-y-auto" : "",
    className,
  ];
  const head = [
    "border-b border-neutral-200 text-xs text-neutral-600",
    isCard ? "bg-neutral-50" : isScrollable ? "bg-white" : "",
    isScrollable ? "sticky top-0 z-10" : "",
  ];
  return (
    <div className={joined(container)} data-testid={testId}>
      <table className="w-full border-collapse text-left text-sm">
        {caption && (
          <caption
            className={
              isCaptionShown ? "pb-2 text-left text-sm font-medium text-neutral-800" : "sr-only"
            }
          >
            {caption}
          </caption>
        )}
        <thead className={joined(head)}>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`${cellBase} font-medium ${align(column)}`}
              >
                {column.isHeaderHidden ? (
                  <span className="sr-only">{column.header}</span>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const { className: rowClassName = "", ...rowAttributes } = rowProps?.(row) ?? {};
            return (
              <tr
                key={rowKey(row, index)}
                className={`border-b border-neutral-100 last:border-0 ${rowClassName}`}
                {...rowAttributes}
              >
                {columns.map((column) => {
                  const { className: toneClassName = "", ...cellAttributes } =
                    column.cellProps?.(row) ?? {};
                  const classes = joined([
                    cellBase,
                    align(column),
                    column.className ?? "",
                    toneClassName,
                  ]);
                  return column.isRowHeader ? (
                    <th
                      key={column.key}
                      scope="row"
                      className={`${classes} font-normal`}
                      {...cellAttributes}
                    >
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={classes} {...cellAttributes}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const joined = (classes: string[]) => classes.filter(Boolean).join(" ");
