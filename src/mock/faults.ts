import { z } from 'zod';

/** Fault mix of the loopback mock: each request draws at most one fault, with these probabilities. */
export const FaultRatesSchema = z.object({
  rateLimit: z.number().min(0).max(1).default(0),
  serverError: z.number().min(0).max(1).default(0),
  timeout: z.number().min(0).max(1).default(0),
  malformed: z.number().min(0).max(1).default(0),
  truncated: z.number().min(0).max(1).default(0),
  slow: z.number().min(0).max(1).default(0),
});
export type FaultRates = z.infer<typeof FaultRatesSchema>;
export type FaultKind = keyof FaultRates | 'ok';

/** Splits a total fault rate evenly over the six fault kinds. */
export function evenFaults(total: number): FaultRates {
  const each = total / 6;
  return { rateLimit: each, serverError: each, timeout: each, malformed: each, truncated: each, slow: each };
}

export function drawFault(rates: FaultRates, rnd: () => number): FaultKind {
  let x = rnd();
  for (const k of ['rateLimit', 'serverError', 'timeout', 'malformed', 'truncated', 'slow'] as const) {
    if (x < rates[k]) return k;
    x -= rates[k];
  }
  return 'ok';
}
