-- The inputs every ROI row shares (the measured rates and costs differ per row and are in the managers' table).
-- Older tables stored flat numbers; newer ones {value, source}; text entries (formulas) have no value.
WITH a AS (
  SELECT DISTINCT j.key AS assumption, json_type(j.value) AS t, j.value AS v
  FROM roi, json_each(roi.assumptions_json) j
  WHERE j.key NOT IN ('resolutionRate', 'effectiveResolutionRate', 'costPerConversation', 'criticalFailureRate')
), n AS (
  SELECT assumption, t, v,
    try_cast(CASE WHEN t = 'OBJECT' THEN json_extract_string(v, '$.value') WHEN t = 'VARCHAR' THEN NULL ELSE v::VARCHAR END AS DOUBLE) AS x
  FROM a
)
SELECT assumption,
  CASE WHEN x IS NULL THEN NULL WHEN x = round(x) THEN format('{:,}', x::BIGINT) ELSE CAST(round(x, 4) AS VARCHAR) END AS value,
  -- Sources cite the methods document by its path in the repository.
  regexp_replace(CASE WHEN t = 'OBJECT' THEN json_extract_string(v, '$.source') WHEN t = 'VARCHAR' THEN json_extract_string(v, '$') END,
    '(^|[^/])methods\.md', '\1docs/methods.md', 'g') AS source
FROM n
ORDER BY x IS NULL, assumption
