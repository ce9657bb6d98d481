SELECT mc.model, c.approach, mc.latency_ms
FROM model_calls mc
JOIN conversations c USING (cell_key)
WHERE mc.role = 'agent' AND NOT mc.cached
  -- Not measured (NULL: audited transcripts) is left out, never drawn at 0 ms; audits stored before latency could be
  -- NULL hold 0 there, so the audit arm stays out too.
  AND mc.latency_ms IS NOT NULL AND c.arm <> 'audit'
ORDER BY mc.model
