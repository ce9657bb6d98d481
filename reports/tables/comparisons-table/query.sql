SELECT family, metric, approach, a, b, n_pairs, delta, ci_low, ci_high, p_value, p_holm, test
FROM comparisons ORDER BY family, metric, approach, a, b
