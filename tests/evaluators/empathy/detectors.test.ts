import { describe, expect, it } from 'vitest';
import { DETECTORS, levelsOf } from '../../../evaluators/empathy/detectors.js';
import { MECHANISMS } from '../../../evaluators/empathy/mechanism.js';

const CUSTOMER = 'I was charged twice for my phone bill and now my rent payment bounced. I am so stressed.';
const lv = (reply: string, customer = CUSTOMER) => {
  const l = levelsOf({ customer, reply });
  return [l.er.level, l.ip.level, l.ex.level];
};

describe('EPITOME mechanism detectors', () => {
  it('has exactly one detector per mechanism', () => {
    expect(Object.keys(DETECTORS).sort()).toEqual([...MECHANISMS].sort());
  });

  it('plain service text shows no mechanism', () => {
    expect(lv('Your refund of $40 will be processed within 5 business days.')).toEqual([0, 0, 0]);
    expect(lv('I can see the two charges on your account.')).toEqual([0, 0, 0]);
  });

  it('ER: generic apology 1; apology tied to the situation or an own feeling 2; a declined apology 0', () => {
    expect(lv('Sorry about that.')[0]).toBe(1);
    expect(lv('We apologise for any inconvenience.')[0]).toBe(1);
    expect(lv("I'm really sorry your rent payment bounced because of us.")[0]).toBe(2);
    expect(lv('My heart goes out to you.')[0]).toBe(2);
    expect(lv('Oh no, what a mess.')[0]).toBe(1);
    expect(lv("I'm so sorry. Having your rent bounce because of our double charge must be really stressful.")[0]).toBe(2); // tied to an interpretation
    expect(lv("I'm sorry you feel that way.")[0]).toBe(0); // a non-apology
    expect(lv('Hang in there, it will be okay.')[0]).toBe(1);
    expect(lv('No need to apologise, these things happen.')[0]).toBe(0);
    expect(lv('I hope this helps.')[0]).toBe(0);
  });

  it('IP: generic understanding 1; an inferred feeling or a reflection of the situation 2', () => {
    expect(lv('I understand.')[1]).toBe(1);
    expect(lv('That makes sense.')[1]).toBe(1);
    expect(lv('That must be really stressful.')[1]).toBe(2);
    expect(lv('No wonder you are upset.')[1]).toBe(2);
    expect(lv('So your rent payment bounced because of the double charge.')[1]).toBe(2);
    expect(lv('I understand why the bounced rent payment worries you.')[1]).toBe(2);
    expect(lv("I don't understand what you mean.")[1]).toBe(0);
    expect(lv('That sounds good, I will do it.')[1]).toBe(0);
  });

  it('EX: open question 1; a question about feelings or impact 2; data and offers 0', () => {
    expect(lv('What happened?')[2]).toBe(1);
    expect(lv('Can you tell me more')[2]).toBe(1);
    expect(lv('How are you doing?')[2]).toBe(1);
    expect(lv('Are you feeling alone right now?')[2]).toBe(2);
    expect(lv('Are you handling all of this on your own?')[2]).toBe(2);
    expect(lv('Has the bounced payment left you short this month?')[2]).toBe(2);
    expect(lv('Could you confirm the last four digits of the card?')[2]).toBe(0);
    expect(lv("What's your account number?")[2]).toBe(0);
    expect(lv('Would you like me to reverse the second charge?')[2]).toBe(0);
    expect(lv('Is there anything else I can help with?')[2]).toBe(0);
  });

  it('quotes the sentence as written and says which rule fired', () => {
    const l = levelsOf({ customer: CUSTOMER, reply: 'Thanks for waiting. That must be REALLY stressful!' });
    expect(l.ip).toEqual({ level: 2, quote: 'That must be REALLY stressful!', why: 'infers a feeling ("stressful")' });
    expect(levelsOf({ customer: CUSTOMER, reply: 'Oh, that is so annoying.' }).ip.level).toBe(0); // a reaction (ER), not an interpretation
    expect(levelsOf({ customer: CUSTOMER, reply: 'Having your rent bounce over our mistake is maddening.' }).ip.level).toBe(2);
    expect(l.er).toEqual({ level: 0 });
  });
});
