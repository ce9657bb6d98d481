SELECT approach, model, approach || ' · ' || model AS label, monthly_savings, roi, monthly_cost_human, monthly_cost_ai,
  resolution_rate, resolution_ci_low, resolution_ci_high, critical_failure_rate, monthly_savings >= 0 AS saves
FROM roi
WHERE approach <> '*' AND monthly_savings IS NOT NULL
ORDER BY monthly_savings DESC
