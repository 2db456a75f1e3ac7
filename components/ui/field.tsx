import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type TFieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
};

/** A label, a control, a hint and the field's errors, wired together for screen readers. */
export function Field({ label, hint, errors = [], children }: TFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-neutral-800">
        {label}
      </label>
      {children({ id, describedBy, invalid: errors.length > 0 })}
      {hint && (
        <p id={hintId} className="text-xs text-neutral-600">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm text-red-700" data-testid="field-error">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

const CONTROL =
  "min-h-10 w-full rounded-md border border-neutral-300 bg-white px-3 text-sm aria-invalid:border-red-600";

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={CONTROL} {...props} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={CONTROL} {...props} />;
}

export function TextArea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={`${CONTROL} py-2`} rows={3} {...props} />;
}
