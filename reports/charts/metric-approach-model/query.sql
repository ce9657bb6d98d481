SELECT
  a.metric || ' (' || coalesce(m.direction, '?') || ')' || coalesce(' · ' || rm.mark, '') AS metric_label,
  a.metric,
  a.approach,
  a.model,
  a.mean,
  a.ci_low,
  a.ci_high,
  a.ci_method,
  a.n_conv,
  a.n_scenarios
FROM aggregates a
LEFT JOIN metrics m USING (metric)
LEFT JOIN report_marks rm ON rm.metric = a.metric AND rm.level <> 'ok'
WHERE a.approach <> '*' AND coalesce(m.unit, 'score') IN ('rate', 'score')
ORDER BY a.metric, a.approach, a.model
