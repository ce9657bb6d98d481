/**
 * The DuckDB schema. One row per finished cell in `conversations`; a cell is written with its messages, tool calls
 * and model calls in one transaction, so a half-finished cell never exists in the database.
 * Documented for users in docs/schema.md; bump SCHEMA_VERSION on any change.
 */
export const SCHEMA_VERSION = 1;

export const DDL: string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,
    suite_name VARCHAR NOT NULL,
    config_hash VARCHAR NOT NULL,
    config_json VARCHAR NOT NULL,
    code_version VARCHAR NOT NULL,
    manifest_json VARCHAR NOT NULL,
    started_at VARCHAR NOT NULL,
    finished_at VARCHAR,
    status VARCHAR NOT NULL,
    planned_cells INTEGER NOT NULL,
    shard VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS conversations (
    cell_key VARCHAR PRIMARY KEY,
    run_id VARCHAR NOT NULL,
    approach VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    mode VARCHAR NOT NULL,
    scenario_id VARCHAR NOT NULL,
    scenario_version INTEGER NOT NULL,
    domain VARCHAR NOT NULL,
    variant_set VARCHAR NOT NULL,
    variant_id VARCHAR NOT NULL,
    attribute VARCHAR NOT NULL,
    persona_group VARCHAR NOT NULL,
    is_reference BOOLEAN NOT NULL,
    model VARCHAR NOT NULL,
    arm VARCHAR NOT NULL,
    epoch INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    error_message VARCHAR,
    end_reason VARCHAR NOT NULL,
    n_turns INTEGER NOT NULL,
    handle_time_ms DOUBLE NOT NULL,
    agent_cost_usd DOUBLE,
    started_at VARCHAR NOT NULL,
    finished_at VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS messages (
    cell_key VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    speaker VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    tool_call_id VARCHAR,
    tool_name VARCHAR,
    PRIMARY KEY (cell_key, idx)
  )`,
  `CREATE TABLE IF NOT EXISTS tool_calls (
    cell_key VARCHAR NOT NULL,
    msg_idx INTEGER NOT NULL,
    call_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    args_json VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS model_calls (
    cell_key VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    role VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    cache_read_tokens BIGINT NOT NULL,
    cache_write_tokens BIGINT NOT NULL,
    reasoning_tokens BIGINT NOT NULL,
    latency_ms DOUBLE NOT NULL,
    cost_usd DOUBLE,
    price_source VARCHAR NOT NULL,
    cached BOOLEAN NOT NULL,
    is_batch BOOLEAN NOT NULL,
    retries INTEGER NOT NULL,
    error VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS scores (
    cell_key VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    value DOUBLE,
    explanation VARCHAR NOT NULL,
    evidence_json VARCHAR NOT NULL,
    evaluator VARCHAR NOT NULL,
    scored_at VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS metrics (
    metric VARCHAR PRIMARY KEY,
    family VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    direction VARCHAR NOT NULL,
    description VARCHAR NOT NULL
  )`,
];

export const TABLES = ['runs', 'conversations', 'messages', 'tool_calls', 'model_calls', 'scores', 'metrics'] as const;
