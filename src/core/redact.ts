/**
 * Secret redaction on the way in: every known secret value (API keys from the environment and .env) is replaced by
 * `[REDACTED:<VARIABLE>]` in whatever a model or a provider sends back, before it is cached, stored, exported or
 * rendered. A model that repeats its instructions, or a prompt-injection test that makes it print its key, leaves a
 * marker instead of the key.
 */
export interface Secret {
  /** The variable that holds it, shown in the marker. */
  name: string;
  value: string;
}

/** Shorter values are too likely to occur in ordinary text to be replaced blindly (and are not real keys). */
export const MIN_SECRET_LENGTH = 8;

export const redactionMarker = (name: string): string => `[REDACTED:${name}]`;

export class Redactor {
  private readonly secrets: Secret[];

  constructor(secrets: readonly Secret[]) {
    const seen = new Set<string>();
    // Longest first, so a key that contains another is replaced whole.
    this.secrets = secrets
      .filter((s) => s.value.length >= MIN_SECRET_LENGTH && !seen.has(s.value) && seen.add(s.value))
      .sort((a, b) => b.value.length - a.value.length);
  }

  get active(): boolean {
    return this.secrets.length > 0;
  }

  text(s: string): string {
    let out = s;
    for (const { name, value } of this.secrets) if (out.includes(value)) out = out.split(value).join(redactionMarker(name));
    return out;
  }

  /** A copy with every string redacted, object keys included; other values are kept as they are. */
  deep<T>(v: T): T {
    if (!this.active) return v;
    return this.walk(v) as T;
  }

  private walk(v: unknown): unknown {
    if (typeof v === 'string') return this.text(v);
    if (Array.isArray(v)) return v.map((x) => this.walk(x));
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.text(k), this.walk(x)]));
    }
    return v;
  }

  /** Redacts an error's message in place (its class and fields are kept, so it is still classed the same way). */
  error<E>(e: E): E {
    if (this.active && e instanceof Error) e.message = this.text(e.message);
    return e;
  }

  /** The secrets as plain data, to hand to a worker thread. */
  toJSON(): Secret[] {
    return this.secrets;
  }
}

export const NO_SECRETS = new Redactor([]);
