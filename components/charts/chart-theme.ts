// The few colours the charts use: neutral ink, and meaning (warm = below expectation, cool =
// above, neutral = too few observations). Kept in step with the @theme in app/globals.css.
export const CHART_COLORS = {
  below: "#d9480f",
  above: "#1971c2",
  neutral: "#adb5bd",
  ink: "#495057",
  grid: "#e9ecef",
  accent: "#3b5bdb",
  mot: "#ae3ec9",
} as const;

/** Series colours when lines are told apart by category (segments), not by meaning. */
export const SERIES_COLORS = [
  "#3b5bdb",
  "#0c8599",
  "#5c940d",
  "#c2255c",
  "#e67700",
  "#6741d9",
  "#868e96",
] as const;

export const AXIS_TICK = { fontSize: 11, fill: "#495057" } as const;
export const AXIS_LABEL = { fontSize: 11, fill: "#495057" } as const;
