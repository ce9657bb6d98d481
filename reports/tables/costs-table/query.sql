SELECT approach, model, role, n_conv, calls, tokens_in, tokens_out, cost_usd_total, cost_per_conv, cost_per_resolved, resolved_rate, price_sources
FROM costs ORDER BY approach, model, role
