SELECT mc.model, c.approach, mc.latency_ms
FROM model_calls mc
JOIN conversations c USING (cell_key)
WHERE mc.role = 'agent' AND NOT mc.cached
  AND c.arm <> 'audit' -- audited transcripts record no latency (stored as 0, not measured)
ORDER BY mc.model
