WITH p AS (
  SELECT c.approach, c.model, c.cost_per_conv AS cost, a.mean AS resolved, a.ci_low, a.ci_high, a.n_conv, a.n_scenarios
  FROM costs c
  JOIN aggregates a ON a.metric = 'resolution.resolved' AND a.approach = c.approach AND a.model = c.model
  WHERE c.role = 'agent' AND c.approach <> '*' AND c.cost_per_conv IS NOT NULL AND a.mean IS NOT NULL
), f AS (
  SELECT p.*, p.approach || ' · ' || p.model AS label,
    NOT EXISTS (
      SELECT 1 FROM p q
      WHERE q.cost <= p.cost AND q.resolved >= p.resolved AND (q.cost < p.cost OR q.resolved > p.resolved)
    ) AS on_frontier,
    -- Points drawn at (nearly) the same place share one label (listing every approach there) instead of overprinting.
    string_agg(p.approach, ', ' ORDER BY p.approach) OVER spot AS spot_label,
    row_number() OVER (spot ORDER BY p.approach) AS spot_rank
  FROM p
  WINDOW spot AS (PARTITION BY p.model, round(p.cost, 6), round(p.resolved * 20))
)
SELECT * EXCLUDE (spot_rank, spot_label), CASE WHEN spot_rank = 1 THEN spot_label END AS point_label
FROM f
ORDER BY cost, approach
