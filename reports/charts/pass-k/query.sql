SELECT approach, model, k, value, n_scenarios
FROM pass_k
WHERE metric = 'resolution.resolved' AND approach <> '*'
ORDER BY approach, model, k
