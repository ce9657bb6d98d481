-- Compact on the page; every column (title, kappa, source, date) is in tables/full-instrument-validity.csv.
SELECT metric, status, sensitivity, specificity, positives, negatives, note
FROM instrument_validity
ORDER BY CASE status WHEN 'below-bar' THEN 0 WHEN 'screen' THEN 1 WHEN 'not-measured' THEN 2 ELSE 3 END, metric
