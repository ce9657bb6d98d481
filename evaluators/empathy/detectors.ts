import { detectEr } from './er.js';
import { detectEx } from './ex.js';
import { detectIp } from './ip.js';
import { MECHANISMS, type Detector, type ExchangeText, type Finding, type Mechanism } from './mechanism.js';

/** One deterministic detector per EPITOME mechanism (each in its own file). */
export const DETECTORS = {
  er: detectEr,
  ip: detectIp,
  ex: detectEx,
} satisfies Record<Mechanism, Detector>;

export type Levels = Record<Mechanism, Finding>;

/** All three mechanisms for one reply. */
export function levelsOf(x: ExchangeText): Levels {
  return Object.fromEntries(MECHANISMS.map((m) => [m, DETECTORS[m](x)])) as Levels;
}
