SELECT instrument, check_name, gap_pp, value, ci_low, ci_high, truth, n, target, meets_target, note
FROM validity_instruments
ORDER BY instrument, check_name, gap_pp NULLS FIRST
