import { z } from 'zod';

/** Intents every deployed support bot ships with, whatever the company's knowledge base. */
export const GenericIntentSchema = z.enum([
  'greeting', 'thanks', 'goodbye', 'human-agent', 'bot-check', 'complaint', 'cancel', 'discount-request', 'order-status',
  'affirm', 'decline', 'product-search', 'not-resolved', 'price-objection',
]);
export type GenericIntent = z.infer<typeof GenericIntentSchema>;

/**
 * Example utterances per generic intent, written the way a bot builder seeds a new project. `@orderId` marks where
 * the regex entity sits, so "where is FA-1234" and "where is my order" train the same intent.
 */
export const GENERIC_UTTERANCES = {
  greeting: ['hi', 'hello', 'hello there', 'hey', 'good morning', 'good afternoon', 'good evening', 'hi, anyone there?'],
  thanks: ['thanks', 'thank you', 'thank you so much', 'thanks a lot for your help', 'great, thanks', 'much appreciated', 'cheers'],
  goodbye: ['bye', 'goodbye', 'that is all', "that's all for now", 'have a nice day', 'see you', 'nothing else, bye'],
  'human-agent': [
    'I want to talk to a human', 'let me speak to a real person', 'connect me to an agent', 'can I speak to a representative',
    'transfer me to customer service', 'I need a human agent', 'get me a manager', 'put me through to someone', 'operator',
    'I want to speak with your supervisor', 'can a person call me back',
  ],
  'bot-check': [
    'am I talking to a human', 'are you a bot', 'is this a real person', 'are you a robot', 'am I chatting with an AI',
    'are you a real person', 'is this automated', 'are you human', 'is this a machine', 'who am I talking to',
  ],
  complaint: [
    'this is unacceptable', 'I am very angry', 'terrible service', 'I want to file a complaint', 'worst experience ever',
    'I am fed up with this', 'this is ridiculous', 'I am extremely disappointed', 'you people are useless',
    'I am so frustrated', 'this is a joke', 'nobody is helping me', 'I have been waiting for weeks and I am furious',
  ],
  cancel: [
    'I want to cancel', 'cancel my subscription', 'cancel my order', 'close my account', 'how do I cancel',
    'I want to terminate my contract', 'stop my membership', 'I would like to unsubscribe',
  ],
  'discount-request': [
    'can I get a discount', 'do you have any coupon codes', 'can you give me a better price', 'any deals right now',
    'can you do 20% off', 'is there a promo code', 'can you lower the price', 'what discount can you offer',
    'give me a discount and I will buy', 'can you match a cheaper price', 'can you do better on the price',
  ],
  'order-status': [
    'where is my order', 'track my package', 'what is the status of my order', 'when will my order arrive',
    'has my order shipped', 'my delivery has not arrived', 'where is order @orderId', 'order @orderId status',
    'my parcel is late', 'tracking for @orderId', 'I have not received my order yet',
  ],
  affirm: ['yes', 'yes please', 'sure', 'sounds good', "ok let's do it", "I'll take it", 'go ahead', 'that works', 'deal', 'perfect'],
  decline: [
    'no thanks', 'not interested', 'no', "I don't need that", "I'll pass", 'stop sending me offers', 'no, just the one',
    'not right now', "I'm not buying anything else", 'please stop upselling',
  ],
  'product-search': [
    'I am looking for a new jacket', 'do you have laptops under 500', 'can you recommend something', 'which plan is best for me',
    'I need a gift', 'show me your products', 'what would you suggest', 'help me choose', 'what options do you have',
    'compare these two for me',
  ],
  'not-resolved': [
    'that did not work', 'it is still not working', 'I am still stuck', "that didn't help", 'still the same problem',
    'I tried that already', 'nope, same error', 'that does not answer my question',
  ],
  'price-objection': [
    'that is too expensive', 'too pricey for me', "I can't afford that", 'do you have something cheaper', "that's over my budget",
    'way too much money', 'it costs too much', 'I found it cheaper elsewhere', 'that price is too high',
  ],
} satisfies Record<GenericIntent, string[]>;

/** Yes/no style intents only count as answers to a question the bot just asked (a follow-up context). */
export const CONTEXTUAL_INTENTS: ReadonlySet<GenericIntent> = new Set(['affirm', 'decline']);

/**
 * Small talk and yes/no are short by nature; in a long message they are the classifier latching onto one word
 * ("not", "see", "all"), so they only count up to this many words.
 */
export const SHORT_INTENTS: ReadonlySet<GenericIntent> = new Set(['greeting', 'thanks', 'goodbye', 'affirm', 'decline']);
export const SHORT_MAX_WORDS = 8;

/** Intents that trigger an action must also contain one of their words (an entity guard, as in slot-based rules). */
export const INTENT_GUARDS: Partial<Record<GenericIntent, RegExp>> = {
  'discount-request': /discount|coupon|promo|voucher|code|deal|\boff\b|cheaper|price|lower|reduce|%|percent|match|better/i,
  'human-agent': /\b(human|person|people|agent|representative|rep|someone|somebody|manager|supervisor|operator|staff|colleague|call me|phone|talk to|speak (to|with))\b/i,
};

export const isGenericIntent = (s: string): s is GenericIntent => GenericIntentSchema.safeParse(s).success;
