SELECT
  CASE WHEN c.approach = '*' THEN 'all approaches (pooled)' ELSE c.approach END AS approach,
  c.approach = '*' AS pooled,
  c.a AS model,
  c.b AS baseline,
  c.delta,
  c.ci_low,
  c.ci_high,
  c.p_value,
  c.p_holm,
  c.p_holm < 0.05 AS significant,
  c.n_pairs,
  c.test
FROM comparisons c
WHERE c.family = 'gai-vs-traditional' AND c.metric = 'resolution.resolved'
ORDER BY c.approach = '*' DESC, c.approach, c.a
