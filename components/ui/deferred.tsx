import { Suspense, type ReactNode } from "react";

type TProps<T> = {
  /** The section's own read, already started: the page does not wait for it. */
  read: Promise<T>;
  /** What a screen reader hears while it loads ("Loading …"), in the reader's language. */
  label: string;
  /** The placeholder's size: the section's usual height, so nothing below it jumps when it arrives. */
  placeholderClassName: string;
  children: (value: T) => ReactNode;
};

/**
 * A part of a server-rendered page that streams in after the rest (React Suspense): the page
 * paints without waiting for it, a placeholder of its size holds its place, busy for assistive
 * technology, and the section replaces it when its read is done.
 */
export function Deferred<T>({ read, label, placeholderClassName, children }: TProps<T>) {
  return (
    <Suspense
      fallback={
        <div
          role="status"
          aria-busy="true"
          data-testid="deferred-placeholder"
          className={`rounded-lg border border-neutral-200 bg-neutral-50 motion-safe:animate-pulse ${placeholderClassName}`}
        >
          <span className="sr-only">{label}</span>
        </div>
      }
    >
      <Resolved read={read}>{children}</Resolved>
    </Suspense>
  );
}

async function Resolved<T>({ read, children }: Pick<TProps<T>, "read" | "children">) {
  return children(await read);
}
