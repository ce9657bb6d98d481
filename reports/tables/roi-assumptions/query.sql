SELECT DISTINCT j.key AS assumption, trim(j.value::VARCHAR, '"') AS value
FROM roi, json_each(roi.assumptions_json) j
ORDER BY assumption
