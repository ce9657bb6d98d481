SELECT metric, title, status, sensitivity, specificity, kappa, positives, negatives, source, measured_at, note
FROM instrument_validity
ORDER BY CASE status WHEN 'below-bar' THEN 0 WHEN 'screen' THEN 1 WHEN 'not-measured' THEN 2 ELSE 3 END, metric
