/** The journey this device logs against: the frontline pages read it, the journey switch sets it. */
export const FRONTLINE_JOURNEY_COOKIE = "moments-frontline-journey";
