import type { ReactNode } from "react";

/** A numbered section of the Measure page: a heading that says what the section answers. */
export function MeasureSection({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8" id={id}>
      <h2 id={`${id}-heading`} className="text-base font-semibold text-neutral-900">
        {title}
      </h2>
      {lead && <p className="mt-0.5 max-w-3xl text-sm text-neutral-600">{lead}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}
