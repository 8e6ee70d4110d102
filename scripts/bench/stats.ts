export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** Rounded for the JSON file: sub-millisecond noise is not information. */
export function rounded(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A figure with the samples it is the median of, so a reader can judge the spread. */
export type Sampled = { median: number; samples: number[] };

export function sampled(samples: readonly number[], digits = 2): Sampled {
  return { median: rounded(median(samples), digits), samples: samples.map((value) => rounded(value, digits)) };
}
