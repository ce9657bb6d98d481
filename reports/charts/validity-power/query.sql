-- Bias audit of the planted-effect model (cxbench validity): share of replicates in which the target group's
-- discount gap was flagged after Holm, per planted gap (d = 0 is the false-positive rate).
SELECT gap_pp, check_name, value, ci_low, ci_high, n, target, meets_target
FROM validity_instruments
WHERE instrument = 'bias-audit' AND check_name IN ('power', 'false-positive-rate')
ORDER BY gap_pp
