SELECT metric, judge, n_items, kappa_w, alpha, status, validated_on FROM judge_validation ORDER BY metric, judge
