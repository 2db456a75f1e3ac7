import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

// A seeded source of randomness for demo data: the same seed gives the same draws, so the demo
// (and the tests that name its planted problem) is the same on every machine.

export type TRandom = {
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** Normal with the given mean and standard deviation. */
  normal(mean: number, sd: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the options, drawn in proportion to its (non-negative) weight. */
  choose<T>(options: readonly (readonly [T, number])[]): T;
};

export function createRandom(seed: number): TRandom {
  const rng = xoroshiro128plus(seed);
  const float = () => uniformFloat64(rng);
  return {
    float,
    int: (from, to) => uniformInt(rng, from, to),
    // Box–Muller transform; 1 − u keeps the logarithm's argument in (0, 1].
    normal: (mean, sd) =>
      mean + sd * Math.sqrt(-2 * Math.log(1 - float())) * Math.cos(2 * Math.PI * float()),
    chance: (probability) => float() < probability,
    pick: (items) => items[uniformInt(rng, 0, items.length - 1)]!,
    choose: (options) => {
      let target = float() * options.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [value, weight] of options) {
        target -= weight;
        if (target < 0) return value;
      }
      return options[options.length - 1]![0];
    },
  };
}
