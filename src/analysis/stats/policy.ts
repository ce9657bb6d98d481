/**
 * The inference policy's constants (methods.md 0, 5.8). Every interval, test and verdict in src/analysis reads them
 * from here, so the documented rule and the code cannot drift apart.
 */
export const LEVEL = 0.95;
export const ALPHA = 0.05;
/** Fewer scenarios than this: no interval, no test verdict, no equivalence (methods.md 0). */
export const MIN_SCENARIOS = 4;
/** A rate's design effect needs at least this many scenarios showing the minority outcome (methods.md 5.1). */
export const MIN_INFORMATIVE_SCENARIOS = 2;
/** Adverse-impact ratios need at least this many events behind the denominator (methods.md 2.4). */
export const MIN_AIR_EVENTS = 5;
export const POWER = 0.8;

export const tooFewScenarios = (g: number): string => `too few scenarios (${g} < ${MIN_SCENARIOS})`;
