/**
 * The DuckDB schema. One row per finished cell in `conversations`; a cell is written with its messages, tool calls
 * and model calls in one transaction, so a half-finished cell never exists in the database.
 * Documented for users in docs/schema.md; bump SCHEMA_VERSION on any change to columns or their meaning (an index or
 * constraint dropped changes neither: files on both sides of it still merge).
 */
export const SCHEMA_VERSION = 3;

/**
 * Columns that may hold NULL ("unknown", never 0) since schema version 2: token counts when the source reported no
 * usage, latency and handle time when nothing was measured (an audited transcript). Version 1 files declared them NOT
 * NULL; opening such a file for writing relaxes them (src/store/migrate.ts). Every value a version 1 file holds keeps
 * its meaning.
 */
export const NULLABLE_SINCE_V2: { table: string; column: string }[] = [
  { table: 'conversations', column: 'handle_time_ms' },
  ...['input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'reasoning_tokens', 'latency_ms'].map((column) => ({ table: 'model_calls', column })),
];

/**
 * Columns added since schema version 3, at the end of their table: time to first token and output speed of streamed
 * calls. Opening an older file for writing adds them (src/store/migrate.ts); its rows then hold NULL there, which is
 * what they mean: not measured.
 */
export const ADDED_SINCE_V3: { table: string; column: string; type: string }[] = [
  { table: 'model_calls', column: 'ttft_ms', type: 'DOUBLE' },
  { table: 'model_calls', column: 'output_tokens_per_s', type: 'DOUBLE' },
];

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
    handle_time_ms DOUBLE, -- NULL: not measured (an audited transcript), never 0
    agent_cost_usd DOUBLE,
    started_at VARCHAR NOT NULL,
    finished_at VARCHAR NOT NULL
  )`,
  // (cell_key, idx) is the key, kept by the writer rather than an index: messages are written and deleted only with
  // their conversation, in its transaction, and the conversation's primary key refuses a second copy of a cell. An
  // index here made every checkpoint dearer as the file grew: over 50,000 cells its ART index took 12 of the file's
  // 51 MB, and DuckDB's background CPU per 8 s rose from 1.2 to 3.1 core-s with it, to 1.7-2.1 without it
  // (docs/performance.md). Files written with the index keep it; nothing reads it.
  `CREATE TABLE IF NOT EXISTS messages (
    cell_key VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    speaker VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    tool_call_id VARCHAR,
    tool_name VARCHAR
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
    input_tokens BIGINT, -- the five token counters are NULL together when the source gave no usage
    output_tokens BIGINT,
    cache_read_tokens BIGINT,
    cache_write_tokens BIGINT,
    reasoning_tokens BIGINT,
    latency_ms DOUBLE, -- NULL: not measured
    cost_usd DOUBLE,
    price_source VARCHAR NOT NULL,
    cached BOOLEAN NOT NULL,
    is_batch BOOLEAN NOT NULL,
    retries INTEGER NOT NULL,
    error VARCHAR,
    -- Streamed calls only (a model entry's stream option); NULL when not measured: whole replies, cache replays,
    -- batch and audited calls. Kept last: files from before version 3 get them appended (src/store/migrate.ts).
    ttft_ms DOUBLE, -- milliseconds from the request to the first generated token
    output_tokens_per_s DOUBLE -- output tokens per second after the first token
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
  // Cost is a property of the call: a replayed (cached) call keeps its price. Per run and model, what the cells that
  // run stored cost (the study's cost) and what was paid while it ran (calls not replayed from the cache). Calls with
  // no known price are counted apart, never summed as zero.
  `CREATE OR REPLACE VIEW run_costs AS
    SELECT c.run_id, mc.model, mc.role,
      count(*) AS calls,
      count(*) FILTER (WHERE mc.cached) AS replayed_calls,
      count(*) FILTER (WHERE mc.cost_usd IS NULL) AS unpriced_calls,
      coalesce(sum(mc.cost_usd), 0) AS study_cost_usd,
      coalesce(sum(mc.cost_usd) FILTER (WHERE NOT mc.cached), 0) AS incurred_cost_usd
    FROM model_calls mc JOIN conversations c USING (cell_key)
    GROUP BY c.run_id, mc.model, mc.role`,
];

export const TABLES = ['runs', 'conversations', 'messages', 'tool_calls', 'model_calls', 'scores', 'metrics'] as const;
