SELECT c.metric, coalesce(m.direction, '?') AS direction, c.a AS model, c.b AS baseline, c.n_pairs, c.delta, c.ci_low, c.ci_high, c.p_holm, c.test
FROM comparisons c LEFT JOIN metrics m USING (metric)
WHERE c.family = 'gai-vs-traditional' AND c.approach = '*'
ORDER BY c.metric, c.a
