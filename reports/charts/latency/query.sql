-- One row per measured figure of an agent call: its total latency, and for streamed calls also its time to first
-- token. Not measured (NULL: whole replies have no first-token time, audited transcripts no latency at all) is left
-- out, never drawn at 0 ms; audits stored before latency could be NULL hold 0 there, so the audit arm stays out too.
WITH calls AS (
  SELECT mc.model, c.approach, mc.latency_ms, mc.ttft_ms
  FROM model_calls mc
  JOIN conversations c USING (cell_key)
  WHERE mc.role = 'agent' AND NOT mc.cached AND mc.latency_ms IS NOT NULL AND c.arm <> 'audit'
)
SELECT model, approach, 'total latency' AS measure, latency_ms AS ms FROM calls
UNION ALL
SELECT model, approach, 'time to first token' AS measure, ttft_ms AS ms FROM calls WHERE ttft_ms IS NOT NULL
ORDER BY model, measure DESC
