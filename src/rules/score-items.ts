/**
 * The four items of Art. 13 (POLICY §1), one evaluation per item kind, exact.
 */
import { clamp, Decimal, truncate } from './decimal';
import { bandText, firstBand, num } from './compare';
import type { Text } from './result';
import type { BandItem, LinearItem, PolicyOptions, ProportionalItem } from './policy-types';

export interface ItemPoints {
  readonly points: Decimal;
  /** How the points came about, for the explanation, in each language. */
  readonly how: Text;
}

/** The size of one step: absolute, or a fraction of the target (JUNIOR: 1% of 100万). */
export function stepSize(item: LinearItem): Decimal {
  return item.stepOfTarget ? num(item.target).times(num(item.step)) : num(item.step);
}

/** base + pointsPerStep per step of deviation from target, clamped to the item's range. */
export function linearPoints(item: LinearItem, x: Decimal, options: PolicyOptions): ItemPoints {
  const deviation = x.minus(num(item.target));
  let steps = deviation.dividedBy(stepSize(item));
  // Option whole_steps: only complete steps count, truncated toward the target.
  if (options.whole_steps) steps = truncate(steps);
  const unclamped = num(item.base).plus(steps.times(num(item.pointsPerStep)));
  const points = clamp(unclamped, num(item.min), num(item.max));
  const how = `${item.base} ${steps.isNegative() ? '−' : '+'} ${steps.abs().times(num(item.pointsPerStep)).toDecimalPlaces(4).toString()}`;
  return { points, how: { en: how, zh: how } };
}

/** Accounts (Reading §1.4): proportional to the target, no bonus above it. */
export function proportionalPoints(
  item: ProportionalItem,
  n: Decimal,
  options: PolicyOptions,
): ItemPoints {
  const target = num(item.target);
  const full = num(item.points);
  if (options.all_or_nothing) {
    return {
      points: n.greaterThanOrEqualTo(target) ? full : new Decimal(0),
      how: {
        en: `${n} of ${item.target}, all or nothing`,
        zh: `${n} / ${item.target}，达到目标才得分`,
      },
    };
  }
  const counted = Decimal.min(n, target);
  const how = `${item.points} × ${counted} ÷ ${item.target}`;
  return { points: full.times(counted).dividedBy(target), how: { en: how, zh: how } };
}

/** NPL (§1.2): the first band that holds. */
export function bandPoints(item: BandItem, x: Decimal): ItemPoints | undefined {
  const band = firstBand(item.bands, x);
  return (
    band && {
      points: num(band.value),
      how: { en: `in ${bandText(band)}`, zh: `${band.source} ${bandText(band)}` },
    }
  );
}
