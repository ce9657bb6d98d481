WITH p AS (
  SELECT c.approach, c.model, c.cost_per_conv AS cost, a.mean AS resolved, a.ci_low, a.ci_high, a.n_conv, a.n_scenarios
  FROM costs c
  JOIN aggregates a ON a.metric = 'resolution.resolved' AND a.approach = c.approach AND a.model = c.model
  WHERE c.role = 'agent' AND c.approach <> '*' AND c.cost_per_conv IS NOT NULL AND a.mean IS NOT NULL
)
SELECT p.*, p.approach || ' · ' || p.model AS label,
  NOT EXISTS (
    SELECT 1 FROM p q
    WHERE q.cost <= p.cost AND q.resolved >= p.resolved AND (q.cost < p.cost OR q.resolved > p.resolved)
  ) AS on_frontier
FROM p
ORDER BY cost
