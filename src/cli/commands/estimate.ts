import type { Command } from 'commander';
import { loadSuiteFromCli, PLAN_FLAGS, suiteOptions, type SuiteCliOptions } from '../options.js';

const usd = (v: number): string => `$${v.toFixed(v < 1 ? 4 : 2)}`;

/**
 * Exit codes: 0 when every model has a known price, 1 when the estimate is incomplete (a model's price is unknown:
 * it is printed as "unknown price", never as $0), 2 on bad input.
 */
export function registerEstimate(program: Command): void {
  suiteOptions(program.command('estimate'), PLAN_FLAGS)
    .description('predict calls, tokens and cost of a run before spending anything (no call is made); exit 1 when a model\'s price is unknown')
    .action(async (opts: SuiteCliOptions) => {
      const { describeCache, estimateRun, ASSUMED_REPLY_TOKENS } = await import('../../run/estimate.js');
      const { EXIT } = await import('../exit.js');
      const suite = await loadSuiteFromCli(opts);
      const out = (s: string): boolean => process.stdout.write(s + '\n');
      let total = 0;
      let priced = 0;
      const unknown: string[] = [];
      for (const e of estimateRun(suite)) {
        const cost = e.costExpectedUsd === null || e.costMaxUsd === null ? 'cost: unknown price' : e.calls === 0 ? 'no model calls, no cost' : `cost ${usd(e.costExpectedUsd)} expected, ${usd(e.costMaxUsd)} at most`;
        out(`${e.model}: ${e.cells} cells, ${e.calls} agent calls, ~${e.inputTokens.toLocaleString('en-US')} input tokens, ` +
          `~${e.outputTokensExpected.toLocaleString('en-US')} output tokens (at most ${e.outputTokensMax.toLocaleString('en-US')}); ` +
          `${cost} [${e.priceSource || 'no model calls'}]`);
        for (const line of describeCache(e)) out(line);
        if (e.costMaxUsd === null) unknown.push(e.model);
        else { total += e.costMaxUsd; if (e.calls > 0) priced++; }
      }
      const bound = unknown.length === 0
        ? usd(total)
        : `unknown price (no known price for ${unknown.join(', ')}${priced ? `; ${usd(total)} at most for the models with a known price` : ''})`;
      out(`upper bound for the run: ${bound}. ` +
        `Assumes ${ASSUMED_REPLY_TOKENS}-token replies (expected) or ${suite.config.maxOutputTokens} (maximum), prompt-cache reads replayed in plan order (the costs include them), judge and simulated-customer calls not included. ` +
        'Use --max-cost to cap the real spend.');
      if (unknown.length) {
        process.stderr.write(`estimate incomplete: ${unknown.join(', ')} ${unknown.length > 1 ? 'have' : 'has'} no known price; set \`prices\` (USD per million tokens) in the model entry to complete it (exit 1)\n`);
        process.exitCode = EXIT.failedCells;
      }
    });
}
