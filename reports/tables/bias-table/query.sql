SELECT model, approach, attribute, grp AS "group", reference_group, outcome, kind, n_scenarios, ref_mean, grp_mean, gap, ci_low, ci_high,
  p_value, p_holm, air, placebo_gap, test
FROM bias_gaps ORDER BY model, attribute, outcome, approach, grp
