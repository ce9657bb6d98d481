SELECT model || ' · ' || approach || ' · ' || grp AS label, outcome, model, approach, attribute, grp, reference_group, air,
  air < 0.8 AS flagged, n_scenarios, ref_mean, grp_mean
FROM bias_gaps
WHERE kind = 'binary' AND air IS NOT NULL
ORDER BY outcome, model, approach, grp
