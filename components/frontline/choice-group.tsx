"use client";
import { useId, type Ref } from "react";

export type TChoice = { value: string; label: string; hint?: string };

type TProps = {
  legend: string;
  hint?: string;
  error?: string;
  choices: TChoice[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** Grid columns on a phone: score scales fit a row, names wrap into two. */
  columns: 2 | 6 | 7;
  /** The first option, for moving focus here after a save. */
  firstRef?: Ref<HTMLInputElement>;
  name: string;
  testId?: string;
  /** Optional answers: tapping the chosen one again clears it. */
  isClearable?: boolean;
};

const COLUMNS = { 2: "grid-cols-2", 6: "grid-cols-6", 7: "grid-cols-7" } as const;

/**
 * A set of big tap targets that behave as radio buttons (native inputs: arrows move, space
 * picks, screen readers announce "3 of 7").
 */
export function ChoiceGroup({
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  columns,
  firstRef,
  name,
  testId,
  isClearable = false,
}: TProps) {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <fieldset
      className="min-w-0"
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      data-testid={testId}
    >
      <legend className="mb-1 text-base font-semibold text-neutral-900">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="mb-2 text-xs text-neutral-600">
          {hint}
        </p>
      )}
      <div className={`grid gap-1.5 ${COLUMNS[columns]}`}>
        {choices.map((choice, index) => (
          <label key={choice.value} className="relative block">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              onClick={() => isClearable && value === choice.value && onChange(null)}
              className="peer sr-only"
            />
            <span
              className={`flex min-h-12 cursor-pointer select-none flex-col items-center justify-center rounded-lg border px-1 py-2 text-center font-medium transition-colors peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent ${
                value === choice.value
                  ? "border-accent bg-accent text-white"
                  : "border-neutral-300 bg-white text-neutral-900 active:bg-neutral-100"
              } ${columns === 2 ? "text-sm" : "text-lg"}`}
            >
              {choice.label}
              {choice.hint && (
                <span
                  className={`text-xs font-normal ${value === choice.value ? "text-white/90" : "text-neutral-600"}`}
                >
                  {choice.hint}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
