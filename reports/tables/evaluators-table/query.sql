SELECT metric, evaluator, starts_with(evaluator, 'fallback:') AS fallback, count(*) AS scored, count(*) FILTER (value IS NULL) AS nothing_to_score
FROM scores GROUP BY metric, evaluator ORDER BY metric, evaluator
