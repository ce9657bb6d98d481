-- A group with any unpriced call has an unknown cost: it is written out with the count, never summed as if complete.
SELECT role, model, price_source, count(*) AS calls, count(*) FILTER (cost_usd IS NULL) AS unpriced_calls, sum(input_tokens) AS input_tokens,
  sum(output_tokens) AS output_tokens,
  CASE WHEN count(*) FILTER (cost_usd IS NULL) = 0 THEN printf('$%.4f', sum(cost_usd))
       ELSE 'unknown (' || count(*) FILTER (cost_usd IS NULL) || ' unpriced calls)' END AS cost_usd,
  CASE WHEN count(*) FILTER (cost_usd IS NULL) = 0 AND sum(input_tokens + output_tokens) > 0
       THEN printf('$%.3f', 1e6 * sum(cost_usd) / sum(input_tokens + output_tokens))
       WHEN count(*) FILTER (cost_usd IS NULL) > 0 THEN 'unknown price' END AS usd_per_mtok_blended,
  count(*) FILTER (cached) AS cached_calls, count(*) FILTER (is_batch) AS batch_calls, sum(retries) AS retries
FROM model_calls GROUP BY role, model, price_source ORDER BY role, model, price_source
