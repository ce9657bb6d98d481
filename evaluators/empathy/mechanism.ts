/**
 * The three EPITOME mechanisms (Sharma et al., EMNLP 2020) as a closed enum, and the shape every deterministic
 * detector shares. Each detector reads one agent reply (with the customer message it answers) and returns a level:
 * 0 = the mechanism is absent, 1 = weak (generic), 2 = strong (specific to this customer). docs/instruments/empathy.md
 * states the rules in words.
 */

export const MECHANISMS = ['er', 'ip', 'ex'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export const MECHANISM_NAMES = {
  er: 'emotional reactions',
  ip: 'interpretations',
  ex: 'explorations',
} satisfies Record<Mechanism, string>;

export type Level = 0 | 1 | 2;

export interface Finding {
  level: Level;
  /** The sentence that decided the level (absent at level 0). */
  quote?: string;
  /** Which rule fired, in words. */
  why?: string;
}

/** One reply and the customer message it answers, as plain text. */
export interface ExchangeText {
  customer: string;
  reply: string;
}

export type Detector = (x: ExchangeText) => Finding;

export const NONE: Finding = { level: 0 };

/** A finding quoting the sentence as the agent wrote it (detectors match on the normalised form). */
export const asWritten = (f: Finding, raw: string): Finding => (f.level > 0 ? { ...f, quote: raw } : f);
