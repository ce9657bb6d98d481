import type { Command } from 'commander';
import { overridesFrom, suiteOptions, type SuiteCliOptions } from '../options.js';

const usd = (v: number | null): string => (v === null ? 'unknown price' : `$${v.toFixed(v < 1 ? 4 : 2)}`);

export function registerEstimate(program: Command): void {
  suiteOptions(program.command('estimate'))
    .description('predict calls, tokens and cost of a run before spending anything (no call is made)')
    .action(async (opts: SuiteCliOptions) => {
      const { loadSuite } = await import('../../plan/suite.js');
      const { estimateRun, ASSUMED_REPLY_TOKENS } = await import('../../run/estimate.js');
      const suite = loadSuite(opts.config, overridesFrom(opts));
      const out = (s: string): boolean => process.stdout.write(s + '\n');
      let total = 0;
      let unknown = false;
      for (const e of estimateRun(suite)) {
        out(`${e.model}: ${e.cells} cells, ${e.calls} agent calls, ~${e.inputTokens.toLocaleString('en-US')} input tokens, ` +
          `~${e.outputTokensExpected.toLocaleString('en-US')} output tokens (at most ${e.outputTokensMax.toLocaleString('en-US')}); ` +
          `cost ${usd(e.costExpectedUsd)} expected, ${usd(e.costMaxUsd)} at most [${e.priceSource || 'no model calls'}]`);
        if (e.costMaxUsd === null) unknown = true; else total += e.costMaxUsd;
      }
      out(`upper bound for the run: ${usd(total)}${unknown ? ' plus models with unknown prices' : ''}. ` +
        `Assumes ${ASSUMED_REPLY_TOKENS}-token replies (expected) or ${suite.config.maxOutputTokens} (maximum), no cache hits, judge and simulated-customer calls not included. ` +
        'Use --max-cost to cap the real spend.');
    });
}
