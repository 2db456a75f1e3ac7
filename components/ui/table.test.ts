import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, type TTableColumn } from "./table";

type TRow = { id: string; name: string; count: number };

const columns: TTableColumn<TRow>[] = [
  { key: "name", header: "Name", isRowHeader: true, cell: (row) => row.name },
  { key: "count", header: "Count", isNumeric: true, cell: (row) => row.count },
  { key: "actions", header: "Actions", isHeaderHidden: true, cell: () => null },
];
const rows: TRow[] = [
  { id: "a", name: "Check-in", count: 12 },
  { id: "b", name: "Checkout", count: 3 },
];

const render = (props: Partial<Parameters<typeof Table<TRow>>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(Table<TRow>, { columns, rows, rowKey: (row) => row.id, ...props }),
  );

// The browser tests find tables by these semantics; they must not drift.
describe("Table", () => {
  it("heads every column with scope=col and names each row with scope=row", () => {
    const html = render();
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toContain(">Check-in</th>");
  });

  it("right-aligns figures in tabular numerals, header included", () => {
    const html = render();
    expect(html).toMatch(/<th scope="col" class="[^"]*text-right tabular-nums[^"]*">Count<\/th>/);
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">12<\/td>/);
  });

  it("puts a right-aligned column's content at the end, with no competing left alignment", () => {
    const html = render({
      columns: [{ key: "actions", header: "Actions", align: "right", cell: () => "Revoke" }],
    });
    expect(html).toMatch(/<td class="[^"]*text-right[^"]*">Revoke<\/td>/);
    expect(html).not.toMatch(/<td class="[^"]*text-left/);
  });

  it("keeps a hidden header and a hidden caption for screen readers", () => {
    const html = render({ caption: "Touchpoints" });
    expect(html).toContain('<caption class="sr-only">Touchpoints</caption>');
    expect(html).toContain('<span class="sr-only">Actions</span>');
  });

  it("passes row and cell attributes through", () => {
    const html = render({
      rowProps: (row) => ({ "data-testid": `row-${row.id}`, "data-status": "OPEN" }),
      columns: [{ ...columns[1]!, cellProps: () => ({ title: "n", "data-testid": "count" }) }],
      testId: "touchpoints",
    });
    expect(html).toContain('data-testid="touchpoints"');
    expect(html).toContain('data-testid="row-a" data-status="OPEN"');
    expect(html).toMatch(/<td class="[^"]*" title="n" data-testid="count">12<\/td>/);
  });

  it("shows the empty state instead of the table when there are no rows", () => {
    expect(render({ rows: [], empty: "Nothing yet" })).toBe("Nothing yet");
    expect(render({ rows: [] })).toContain("<thead");
  });
});
