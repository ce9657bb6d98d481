-- CI coverage across replicates: how often each instrument's 95% interval contained the planted truth.
SELECT instrument || CASE WHEN gap_pp IS NULL THEN '' ELSE ' (d = ' || regexp_replace(CAST(gap_pp AS VARCHAR), '\.0$', '') || ' pp)' END AS label,
       instrument, gap_pp, value, ci_low, ci_high, n, meets_target, note
FROM validity_instruments
WHERE check_name = 'ci-coverage'
ORDER BY instrument, gap_pp NULLS FIRST
