-- Primary tests only (approaches pooled); per-approach ratios are exploratory and in the full bias table.
SELECT b.model || ' · ' || b.attribute || ': ' || b.grp || ' vs ' || b.reference_group AS label,
  b.outcome || coalesce(' (' || m.mark || ')', '') AS panel,
  b.outcome, b.model, b.approach, b.attribute, b.grp, b.reference_group, b.air,
  b.air < 0.8 AS flagged, b.n_scenarios, b.ref_mean, b.grp_mean
FROM bias_gaps b
LEFT JOIN report_marks m ON m.metric = b.outcome AND m.level <> 'ok'
WHERE b.kind = 'binary' AND b.air IS NOT NULL AND b.approach = '*'
ORDER BY b.outcome, b.model, b.attribute, b.grp
