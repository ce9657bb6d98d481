/** Sets (or, with undefined, removes) environment variables and returns a function that restores them. */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>): void => {
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined) delete process.env[k];
      else process.env[k] = val;
    }
  };
  apply(vars);
  return () => apply(saved);
}

/** Fake keys for the three public vendors (and no Google fallback key), for tests that talk to the loopback mocks. */
export const FAKE_VENDOR_KEYS: Record<string, string | undefined> = {
  ANTHROPIC_API_KEY: 'sk-ant-fake-0123456789', OPENAI_API_KEY: 'sk-fake-0123456789', GEMINI_API_KEY: 'AIza-fake-0123456789', GOOGLE_API_KEY: undefined,
};
