SELECT approach, model, approach || ' · ' || model AS label, resolution_rate, resolution_ci_low, resolution_ci_high,
  break_even_resolution_rate,
  CASE WHEN resolution_ci_low > break_even_resolution_rate THEN 'above break-even'
       WHEN resolution_ci_high < break_even_resolution_rate THEN 'below break-even'
       ELSE 'interval spans break-even' END AS verdict
FROM roi
WHERE approach <> '*' AND break_even_resolution_rate IS NOT NULL AND resolution_rate IS NOT NULL
ORDER BY approach, model
