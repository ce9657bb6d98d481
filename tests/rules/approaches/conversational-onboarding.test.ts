import { describe, expect, it } from 'vitest';
import { stepsOf } from '../../../src/rules/approaches/conversational-onboarding.js';
import { agentSaid, callsOf, play, resolved } from '../fixtures.js';

const A = 'conversational-onboarding' as const;

describe('conversational-onboarding rules counterpart', () => {
  it('splits an article into its fixed step list', () => {
    expect(stepsOf('1. Download the app. 2. Sign in. 3. Turn on notifications.')).toEqual(['Download the app.', 'Sign in.', 'Turn on notifications.']);
    expect(stepsOf('Tap reset. We send a link.')).toEqual(['Tap reset.', 'We send a link.']);
  });

  it('retrieves the setup article for a paraphrase and lists its steps', async () => {
    const t = await play(A, resolved(A), ['how can I get the mobile app running?']);
    expect(agentSaid(t)).toMatch(/Here are the steps for "Setting up the app":\n1\. Download the app/);
  });

  it('walks the decision tree: a failed step list leads to a human', async () => {
    const t = await play(A, resolved(A), ['how can I get the mobile app running?', 'that did not work, still stuck']);
    expect(callsOf(t, 'escalate_to_human')).toHaveLength(1);
  });

  it('confirms when the customer says it worked', async () => {
    const t = await play(A, resolved(A), ['how can I get the mobile app running?', 'yes']);
    expect(t.at(-1)!.text).toMatch(/you're all set/);
  });
});
