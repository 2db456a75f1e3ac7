import type { ButtonHTMLAttributes } from "react";

type TVariant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<TVariant, string> = {
  primary: "bg-accent text-white hover:bg-accent-strong disabled:bg-neutral-400",
  secondary:
    "border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-100 disabled:text-neutral-400",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:text-neutral-400",
  ghost: "text-neutral-700 hover:bg-neutral-100",
};

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TVariant }) {
  return (
    <button
      className={`inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
