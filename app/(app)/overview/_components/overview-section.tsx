import type { ReactNode } from "react";

type TProps = {
  id: string;
  title: string;
  lead?: string;
  testId: string;
  children: ReactNode;
  className?: string;
};

/** One section of the overview: a heading that says what it answers; kept whole on paper. */
export function OverviewSection({ id, title, lead, testId, children, className = "" }: TProps) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      id={id}
      className={`min-w-0 ${className}`}
      data-testid={testId}
    >
      <h2 id={`${id}-heading`} className="text-base font-semibold text-neutral-900">
        {title}
      </h2>
      {lead && <p className="mt-0.5 max-w-3xl text-sm text-neutral-600">{lead}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** A row of the list every section uses: a card-like line that is one link to the figure's source. */
export const LIST_CLASS =
  "divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white";
export const ROW_LINK_CLASS = "block px-4 py-2.5 hover:bg-neutral-50 focus-visible:bg-neutral-50";
export const EMPTY_CLASS =
  "rounded-lg border border-dashed border-neutral-300 bg-white px-4 py-6 text-center text-sm text-neutral-600";
