// The LMS method (Cole and Green): a reference gives, at each age, a power L, a median M and a
// coefficient of variation S, so that a measurement X becomes a z-score (standard deviation score)
// z = ((X/M)^L − 1) / (L·S), or ln(X/M) / S when L is 0, and back again.
export interface Lms {
  L: number;
  M: number;
  S: number;
}

const NEAR_ZERO = 1e-9;

export function zScore(value: number, { L, M, S }: Lms): number {
  if (Math.abs(L) < NEAR_ZERO) return Math.log(value / M) / S;
  return (Math.pow(value / M, L) - 1) / (L * S);
}

/** The measurement that has this z-score (a centile line's value at that age). */
export function valueAtZ(z: number, { L, M, S }: Lms): number {
  if (Math.abs(L) < NEAR_ZERO) return M * Math.exp(S * z);
  return M * Math.pow(1 + L * S * z, 1 / L);
}

/** The straight line between two neighbouring ages' values. */
export function interpolateLms(at: number, from: readonly [number, Lms], to: readonly [number, Lms]): Lms {
  const [a, lower] = from;
  const [b, upper] = to;
  const t = b === a ? 0 : (at - a) / (b - a);
  const mix = (x: number, y: number) => x + (y - x) * t;
  return { L: mix(lower.L, upper.L), M: mix(lower.M, upper.M), S: mix(lower.S, upper.S) };
}

/**
 * The centile (0 to 100) of a z-score: the standard normal distribution's cumulative probability,
 * by the complementary error function (W. J. Cody's rational approximation as given in Numerical
 * Recipes, erfc accurate to about 1.2e-7).
 */
export function centileOfZ(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const below = z >= 0 ? 1 - erfc / 2 : erfc / 2;
  return below * 100;
}
