// How the benchmark and the load test print their figures.

export function count(n: number | bigint): string {
  return n.toLocaleString("en");
}

export function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en");
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
