SELECT role, model, price_source, count(*) AS calls, count(*) FILTER (cost_usd IS NULL) AS unpriced_calls, sum(input_tokens) AS input_tokens,
  sum(output_tokens) AS output_tokens, sum(cost_usd) AS cost_usd,
  1e6 * sum(cost_usd) / nullif(sum(input_tokens + output_tokens), 0) AS usd_per_mtok_blended,
  count(*) FILTER (cached) AS cached_calls, count(*) FILTER (is_batch) AS batch_calls, sum(retries) AS retries
FROM model_calls GROUP BY role, model, price_source ORDER BY role, model, price_source
