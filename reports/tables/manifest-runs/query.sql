SELECT run_id, suite_name, config_hash, code_version, started_at, finished_at, status, planned_cells, shard
FROM runs ORDER BY started_at, run_id
