-- One cell per approach x model; stages sorted along the customer journey.
SELECT
  a.stage,
  CASE a.stage WHEN 'attract-inform' THEN 1 WHEN 'sell-choose' THEN 2 WHEN 'service-support' THEN 3
    WHEN 'retain-loyalty' THEN 4 WHEN 'feedback-cocreate' THEN 5 ELSE 6 END AS stage_order,
  a.approach,
  a.model,
  a.arm,
  a.mean,
  a.ci_low,
  a.ci_high,
  a.ci_method,
  a.n_conv,
  a.n_scenarios,
  printf('%.0f%% [%s–%s]', a.mean * 100,
    coalesce(printf('%.0f', a.ci_low * 100), '?'), coalesce(printf('%.0f', a.ci_high * 100), '?')) AS label,
  printf('n=%d', a.n_conv) AS n_label
FROM aggregates a
WHERE a.metric = 'resolution.resolved' AND a.approach <> '*'
ORDER BY stage_order, a.approach, a.arm DESC, a.model
