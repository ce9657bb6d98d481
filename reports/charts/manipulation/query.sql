-- Pooled over approaches ('*'); one panel per manipulation metric.
SELECT a.metric, coalesce(m.title, a.metric) || ' (' || coalesce(m.direction, '?') || ')' || coalesce(' · ' || rm.mark, '') AS metric_label, a.model, a.arm,
  a.mean, a.ci_low, a.ci_high, a.ci_method, a.n_conv, a.n_scenarios
FROM aggregates a
LEFT JOIN metrics m USING (metric)
LEFT JOIN report_marks rm ON rm.metric = a.metric
WHERE a.approach = '*' AND a.metric LIKE 'manipulation.%'
ORDER BY a.metric, a.model
