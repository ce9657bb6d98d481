-- Every approach x model by name (never ranked by saving). An unknown saving (unknown price, too few scenarios) is
-- written as text at zero, not drawn as a zero bar.
SELECT approach, model,
  CASE WHEN approach = '*' THEN 'all approaches' ELSE approach END || ' · ' || model AS label,
  monthly_savings, savings_ci_low, savings_ci_high, roi, monthly_cost_human, monthly_cost_ai,
  resolution_rate, critical_failure_rate,
  CASE WHEN monthly_savings IS NULL THEN NULL WHEN monthly_savings >= 0 THEN 'saves' ELSE 'loses' END AS saves,
  CASE WHEN monthly_savings IS NULL AND cost_per_conv IS NULL THEN 'unknown: unknown price'
       WHEN monthly_savings IS NULL THEN 'unknown: ' || coalesce(note, 'not computed') END AS unknown_text
FROM roi
WHERE resolution_rate IS NOT NULL
ORDER BY approach <> '*', approach, model
