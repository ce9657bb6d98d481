import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../../evaluators/transparency/clauses.js';
import { lifeCue } from '../../../evaluators/transparency/life.js';

const cue = (text: string): string | undefined => clausesOf(text).map((c) => lifeCue(c.tokens.map((t) => t.w))).find((x) => x !== undefined);

describe('first-person life cues', () => {
  it.each([
    'Sorry for the delay, I was on my lunch break.',
    'My shift ends at six.',
    "I've got the same model at home and it does that too.",
    'Give me a second, my computer is being slow today.',
    'I just grabbed a coffee.',
    "I'm sitting in our Manchester office right now.",
    "I've been doing this job for twelve years.",
    'I had the same problem with my own router.',
    // v3 shapes: the body, family, things at work, leave and shifts, the commute, first weeks, next to me.
    'Sorry, my hands are cold this morning.',
    'One second, my son is calling me.',
    'Oops, I just spilled my coffee everywhere.',
    "I'm on the night shift, so I'll be here till six.",
    "I'm away on holiday from Monday.",
    "I've just got in, give me a minute.",
    "It's only my third day on the job.",
    'Priya, who sits next to me, handles refunds.',
    "I've been working here since the shop opened.",
    "When I first joined the team we didn't have this app.",
    "I'm a real person, and I'm working from home today.",
  ])('%s', (t) => expect(cue(t)).toBeDefined());

  it.each([
    "I'll check on my end.",
    "I'm working from the details you gave me.",
    'I got a coffee voucher added to your account.',
    "I don't have a desk of my own.",
    "I'm working on your order now.",
    'Make yourself at home with the new app.',
    'My colleague will call you tomorrow.',
    'Your parcel just got in, it goes out tomorrow.',
    'Staff working from home may reply a little later.',
    'Is your dog enjoying the new bed?',
    'If you see my coffee voucher note, ignore it.',
    'Let me check my notes on your case.',
    'The next desk in the branch handles mortgages.',
    "I'm sorry, my hands are tied on the fee.",
    'My coffee recommendation is the medium roast.',
    'The new colours? Just got in!',
    'I just got in touch with the courier.',
  ])('not: %s', (t) => expect(cue(t)).toBeUndefined());
});
