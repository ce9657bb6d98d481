-- Primary tests only (approaches pooled, one per model x attribute x group x outcome); the per-approach rows are
-- exploratory and sit in tables/full-bias-gaps.csv. One panel per outcome, marked when its instrument is a screen.
SELECT
  b.outcome || coalesce(' (' || m.mark || ')', '') AS panel,
  b.attribute || ': ' || b.grp || ' vs ' || b.reference_group AS label,
  b.model, b.attribute, b.grp, b.reference_group, b.outcome, b.kind, b.n_scenarios, b.ref_mean, b.grp_mean, b.gap, b.ci_low, b.ci_high,
  b.p_value, b.p_holm, coalesce(b.p_holm < 0.05, false) AS significant, abs(coalesce(b.placebo_gap, 0)) AS placebo,
  -abs(coalesce(b.placebo_gap, 0)) AS placebo_neg
FROM bias_gaps b
LEFT JOIN report_marks m ON m.metric = b.outcome AND m.level <> 'ok'
WHERE b.approach = '*'
ORDER BY b.outcome, b.attribute, b.grp, b.model
