SELECT model, deterministic, judge, n_conv, both_binary, agreement, kappa, mean_abs_diff, deterministic_mean, judge_mean, note
FROM instrument_agreement
ORDER BY deterministic, judge, model
