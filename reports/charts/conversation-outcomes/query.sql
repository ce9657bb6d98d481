SELECT c.cell_key, c.approach, c.model, c.scenario_id, c.variant_set || '/' || c.variant_id AS variant, c.epoch,
  c.handle_time_ms, c.agent_cost_usd,
  CASE s.value WHEN 1 THEN 'resolved' WHEN 0 THEN 'not resolved' ELSE 'not scored' END AS outcome
FROM conversations c
LEFT JOIN (SELECT cell_key, max(value) AS value FROM scores WHERE metric = 'resolution.resolved' GROUP BY cell_key) s USING (cell_key)
WHERE c.status = 'done' AND c.agent_cost_usd IS NOT NULL -- an unpriced conversation has no cost to plot (never 0)
  -- No measured handle time (NULL: audited transcripts; older audits hold 0) is left out, never drawn at 0 ms.
  AND c.handle_time_ms IS NOT NULL AND c.arm <> 'audit'
ORDER BY c.approach, c.scenario_id, c.model, c.cell_key
