SELECT metric, approach, model, arm, n_conv, n_scenarios, mean, se_cluster, ci_low, ci_high, ci_method
FROM aggregates ORDER BY metric, approach = '*' DESC, approach, model
