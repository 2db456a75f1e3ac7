/**
 * A measured layer drawn on the map (the Measure and Analyze views add it): for each
 * touchpoint, a tone and a short label such as the gap "−1.2".
 */
export type TTouchpointOverlay = {
  tone: "below" | "above" | "neutral";
  label: string;
  title?: string;
};
export type TJourneyOverlay = Record<string, TTouchpointOverlay>;
