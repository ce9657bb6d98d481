SELECT approach, model, 'per conversation' AS measure, cost_per_conv AS usd, n_conv, resolved_rate, price_sources
FROM costs WHERE role = 'agent' AND approach <> '*' AND cost_per_conv IS NOT NULL
UNION ALL
SELECT approach, model, 'per resolved conversation' AS measure, cost_per_resolved AS usd, n_conv, resolved_rate, price_sources
FROM costs WHERE role = 'agent' AND approach <> '*' AND cost_per_resolved IS NOT NULL
ORDER BY approach, model, measure
