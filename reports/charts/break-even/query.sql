-- Every approach x model (and each model pooled), by name. A break-even above 100% cannot be reached and is drawn at
-- the right edge with the word "unreachable"; an unknown break-even (unknown price, too few data) says so.
SELECT approach, model,
  CASE WHEN approach = '*' THEN 'all approaches' ELSE approach END || ' · ' || model AS label,
  resolution_rate, resolution_ci_low, resolution_ci_high, break_even_resolution_rate,
  CASE WHEN break_even_resolution_rate IS NULL THEN NULL ELSE greatest(least(break_even_resolution_rate, 1), 0) END AS break_even_shown,
  CASE
    WHEN break_even_resolution_rate IS NULL AND cost_per_conv IS NULL THEN 'break-even unknown: unknown price'
    WHEN break_even_resolution_rate IS NULL THEN 'break-even unknown: ' || coalesce(note, 'not computed')
    WHEN break_even_resolution_rate > 1 THEN 'unreachable: needs ' || printf('%.0f', 100 * break_even_resolution_rate) || '% resolved'
    WHEN break_even_resolution_rate <= 0 THEN 'pays at any resolution rate'
  END AS mark_text,
  CASE
    WHEN break_even_resolution_rate IS NULL THEN 'unknown'
    WHEN break_even_resolution_rate > 1 THEN 'unreachable'
    WHEN resolution_ci_low > break_even_resolution_rate THEN 'above break-even'
    WHEN resolution_ci_high < break_even_resolution_rate THEN 'below break-even'
    ELSE 'interval spans break-even'
  END AS verdict
FROM roi
WHERE resolution_rate IS NOT NULL
ORDER BY approach <> '*', approach, model
