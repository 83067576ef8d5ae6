/**
 * Lift of a journey against its holdout, as a difference of two independent proportions.
 *
 * The 95% interval of the difference is Newcombe's hybrid score interval ("method 10" in
 * Newcombe 1998, Statistics in Medicine 17:873–890): each proportion gets its Wilson score
 * interval, and the two are combined by the square-and-add rule. Unlike the Wald interval it
 * stays inside [-1, 1], does not collapse to a point at 0 or n conversions, and keeps close to 95%
 * coverage at the small counts a pilot starts with. The relative lift (p1/p0 − 1) gets the
 * Katz log interval of the risk ratio. Pure functions: no I/O.
 */

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/** Below this many runs in either group the interval is shown but no conclusion is drawn. */
export const MIN_GROUP_SIZE = 30;

export interface Interval {
  low: number;
  high: number;
}

export interface GroupCounts {
  entered: number;
  converted: number;
}

export interface LiftNote {
  code: 'no_holdout' | 'no_treatment' | 'too_small' | 'not_significant';
  en: string;
  es: string;
  pt: string;
}

export interface Lift {
  treatment: GroupCounts & { rate: number | null; ci95: Interval | null };
  holdout: GroupCounts & { rate: number | null; ci95: Interval | null };
  /** p(treatment) − p(holdout), with Newcombe's interval. */
  absolute: { value: number; ci95: Interval } | null;
  /** p(treatment) / p(holdout) − 1, with the Katz log interval; null when either group has no conversions. */
  relative: { value: number; ci95: Interval } | null;
  method: 'newcombe_wilson';
  /** The interval of the difference excludes 0. */
  significant: boolean;
  /** Both groups have at least MIN_GROUP_SIZE runs and the difference is significant. */
  conclusive: boolean;
  note: LiftNote | null;
  /**
   * While there is no conclusion: the runs each group would need for a difference as large as
   * the one seen so far to show at 95 % confidence with 80 % power (null when there is none).
   */
  needed_per_group: number | null;
}

/** Wilson score interval for x successes out of n (n > 0). */
export function wilsonInterval(x: number, n: number, z = Z_95): Interval {
  if (n <= 0) throw new RangeError('wilsonInterval needs n > 0');
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** Newcombe's hybrid score interval for p1 − p0 (x1 of n1 against x0 of n0). */
export function newcombeInterval(x1: number, n1: number, x0: number, n0: number, z = Z_95) {
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const a = wilsonInterval(x1, n1, z);
  const b = wilsonInterval(x0, n0, z);
  const d = p1 - p0;
  return {
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p0) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p0 - b.low) ** 2),
  };
}

/** Wald interval for p1 − p0: kept for comparison; too narrow at small counts. */
export function waldInterval(x1: number, n1: number, x0: number, n0: number, z = Z_95) {
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
  return { low: p1 - p0 - z * se, high: p1 - p0 + z * se };
}

/** z for 80 % power (one-sided). */
const Z_POWER_80 = 0.8416212335729143;

/**
 * Runs per group to tell p1 from p0 at 95 % confidence with 80 % power (the normal approximation
 * for two proportions, Fleiss 1981); null when they are equal.
 */
export function neededPerGroup(p1: number, p0: number): number | null {
  if (p1 === p0) return null;
  const mean = (p1 + p0) / 2;
  const spread =
    Z_95 * Math.sqrt(2 * mean * (1 - mean)) + Z_POWER_80 * Math.sqrt(p1 * (1 - p1) + p0 * (1 - p0));
  return Math.ceil((spread * spread) / ((p1 - p0) * (p1 - p0)));
}

/** Katz log interval of the risk ratio, shifted to a relative lift (RR − 1). Needs x1, x0 > 0. */
export function relativeLiftInterval(x1: number, n1: number, x0: number, n0: number, z = Z_95) {
  const rr = x1 / n1 / (x0 / n0);
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x0 - 1 / n0);
  return {
    value: rr - 1,
    ci95: { low: rr * Math.exp(-z * se) - 1, high: rr * Math.exp(z * se) - 1 },
  };
}

const NOTES: Record<LiftNote['code'], Omit<LiftNote, 'code'>> = {
  no_holdout: {
    en: 'No holdout group: lift cannot be measured. Activate with a holdout percentage.',
    es: 'No hay grupo de control: no se puede medir el alza. Activa con un porcentaje de control.',
    pt: 'Não há grupo de controle: não dá para medir o ganho. Ative com um percentual de controle.',
  },
  no_treatment: {
    en: 'No one is in the treatment group yet.',
    es: 'Aún no hay nadie en el grupo de tratamiento.',
    pt: 'Ainda não há ninguém no grupo de tratamento.',
  },
  too_small: {
    en: `Too few runs to conclude: each group needs at least ${MIN_GROUP_SIZE}.`,
    es: `Aún son pocos para concluir: cada grupo necesita al menos ${MIN_GROUP_SIZE}.`,
    pt: `Ainda são poucos para concluir: cada grupo precisa de pelo menos ${MIN_GROUP_SIZE}.`,
  },
  not_significant: {
    en: 'The 95% interval includes zero: the difference may be chance so far.',
    es: 'El intervalo del 95 % incluye el cero: la diferencia aún puede ser azar.',
    pt: 'O intervalo de 95% inclui o zero: a diferença ainda pode ser acaso.',
  },
};

const note = (code: LiftNote['code']): LiftNote => ({ code, ...NOTES[code] });

function group({ entered, converted }: GroupCounts) {
  return {
    entered,
    converted,
    rate: entered > 0 ? converted / entered : null,
    ci95: entered > 0 ? wilsonInterval(converted, entered) : null,
  };
}

const atLeastMin = (n: number | null) => (n === null ? null : Math.max(MIN_GROUP_SIZE, n));

/** Everything the canvas shows about lift, from the four counts. */
export function computeLift(treatment: GroupCounts, holdout: GroupCounts): Lift {
  const base = {
    treatment: group(treatment),
    holdout: group(holdout),
    method: 'newcombe_wilson' as const,
  };
  if (treatment.entered === 0 || holdout.entered === 0) {
    return {
      ...base,
      absolute: null,
      relative: null,
      significant: false,
      conclusive: false,
      note: note(holdout.entered === 0 ? 'no_holdout' : 'no_treatment'),
      needed_per_group: null,
    };
  }
  const { converted: x1, entered: n1 } = treatment;
  const { converted: x0, entered: n0 } = holdout;
  const ci95 = newcombeInterval(x1, n1, x0, n0);
  const significant = ci95.low > 0 || ci95.high < 0;
  const bigEnough = n1 >= MIN_GROUP_SIZE && n0 >= MIN_GROUP_SIZE;
  return {
    ...base,
    absolute: { value: x1 / n1 - x0 / n0, ci95 },
    relative: x1 > 0 && x0 > 0 ? relativeLiftInterval(x1, n1, x0, n0) : null,
    significant,
    conclusive: bigEnough && significant,
    note: !bigEnough ? note('too_small') : significant ? null : note('not_significant'),
    needed_per_group:
      bigEnough && significant ? null : atLeastMin(neededPerGroup(x1 / n1, x0 / n0)),
  };
}
