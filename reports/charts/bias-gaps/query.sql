SELECT
  outcome || ' · ' || attribute AS panel,
  model || ' · ' || approach || ' · ' || grp AS label,
  model, approach, attribute, grp, reference_group, outcome, kind, n_scenarios, ref_mean, grp_mean, gap, ci_low, ci_high,
  p_value, p_holm, coalesce(p_holm < 0.05, false) AS significant, abs(coalesce(placebo_gap, 0)) AS placebo,
  -abs(coalesce(placebo_gap, 0)) AS placebo_neg
FROM bias_gaps
ORDER BY outcome, attribute, model, approach, grp
