SELECT approach, model, contacts_per_month, resolution_rate, resolution_ci_low, resolution_ci_high, cost_per_conv, critical_failure_rate,
  monthly_cost_human, monthly_cost_ai, monthly_savings, roi, break_even_resolution_rate
FROM roi ORDER BY model, approach = '*' DESC, approach
