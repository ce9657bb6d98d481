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
  c.test,
  row_number() OVER (ORDER BY c.approach = '*' DESC, c.approach, c.a) AS ord,
  CASE WHEN c.ci_low IS NULL OR c.ci_high IS NULL THEN 'no interval (' || c.n_pairs || ' pairs)' END AS no_interval
FROM comparisons c
WHERE c.family = 'gai-vs-traditional' AND c.metric = 'resolution.resolved'
  -- One baseline, as on the decision page: the rules arm, else the first traditional label.
  AND c.b = (SELECT coalesce(max(model) FILTER (WHERE model = 'rules'), min(model) FILTER (WHERE arm = 'traditional')) FROM conversations)
ORDER BY c.approach = '*' DESC, c.approach, c.a
