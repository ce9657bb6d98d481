SELECT model, approach, attribute, grp AS "group", outcome, gap, ci_low, ci_high, margin,
  CASE WHEN equivalent THEN 'equivalent (gap within ±margin)'
       WHEN NOT equivalent THEN 'not shown equivalent'
       ELSE 'not testable' END AS verdict
FROM bias_gaps ORDER BY equivalent NULLS LAST, model, attribute, outcome, grp
