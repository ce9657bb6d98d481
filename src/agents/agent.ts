import { z } from 'zod';
import type { ModelCall } from '../core/conversation.js';
import type { GenerationSettings, ToolDefinition, Turn } from '../core/types.js';
import type { Approach } from '../approaches/approach.js';
import type { ToolClass } from '../approaches/tool-classes.js';
import type { ResolvedScenario } from '../plan/material.js';
import type { Redactor } from '../core/redact.js';
import type { ModelClient } from '../run/model-client.js';
import type { ModelSpec } from '../schema/model-spec.js';
import type { Arm, CommandAgentEntry, HttpAgentEntry, ModuleAgentEntry, PromptVariantEntry } from '../schema/agents.js';

/**
 * The thing under test is an agent. The runner talks to every kind through this one interface: it hands over the
 * conversation so far and the cell's context, and gets the agent's next turn back. Calls the agent made (model calls,
 * HTTP requests, process round trips) are recorded through `ctx.record` the same way for every kind, so cost, latency,
 * retries and failures are stored alike and every evaluator reads the same transcript shape.
 */
export const AgentKindSchema = z.enum(['model', 'rules', 'prompt-variant', 'http', 'module', 'command']);
export type AgentKind = z.infer<typeof AgentKindSchema>;

/** A call as stored (model_calls), without its index: the conversation numbers them. */
export type AgentCall = Omit<ModelCall, 'idx'>;

/** The design a model-backed conversation runs with: the approach's own, or a prompt variant's. */
export interface AgentDesign {
  system: string;
  tools: ToolDefinition[];
  settings: GenerationSettings;
  maxAgentStepsPerTurn: number;
}

/** Everything fixed for one cell's conversation that an agent may read. */
export interface AgentContext {
  /** Stable within the conversation, new for every attempt at the cell (a bot that keeps sessions never sees an old one). */
  conversationId: string;
  cellKey: string;
  approach: Approach;
  resolved: ResolvedScenario;
  design: AgentDesign;
  /** The agent speaks first (outreach mode). */
  outreach: boolean;
  /** Records one call (successful or failed) on the conversation. */
  record(call: AgentCall): void;
  signal?: AbortSignal;
}

/**
 * The agent's next turn. `toolResults` is set when the agent took its actions itself (a deployed bot reporting what it
 * did): one result text per tool call, recorded as they are and never executed again. Without it, tool calls are
 * requests that cxbench runs against the scenario's material and answers (model and rules agents).
 */
export interface AgentReply {
  turn: Turn;
  toolResults?: string[];
}

export interface Agent {
  /** The cell's `model` column: what analysis groups, pairs and compares by. */
  readonly label: string;
  readonly kind: AgentKind;
  readonly arm: Arm;
  /** Classes of the action names this agent reports (set on the resolved scenario so the scorers can read them). */
  readonly toolClasses?: Record<string, ToolClass>;
  respond(turns: Turn[], ctx: AgentContext): Promise<AgentReply>;
  /** Lets go of processes or sockets at the end of the run. */
  close?(): Promise<void>;
}

/** An agent as planned: what the plan, the cell key, the manifest and the factory need to know about it. */
export type AgentSpec =
  | { kind: 'model'; label: string; spec: ModelSpec }
  | { kind: 'rules'; label: string; spec: ModelSpec }
  | { kind: 'prompt-variant'; label: string; spec: ModelSpec; entry: PromptVariantEntry }
  | { kind: 'http'; label: string; entry: HttpAgentEntry }
  | { kind: 'module'; label: string; entry: ModuleAgentEntry }
  | { kind: 'command'; label: string; entry: CommandAgentEntry };

/** What a factory may use: the model client built for a model-backed agent (wrapped in cache, retries, limits), the redactor. */
export interface AgentDeps {
  client?: ModelClient;
  redactor?: Redactor;
}

export type AgentFactory<K extends AgentKind = AgentKind> = (spec: Extract<AgentSpec, { kind: K }>, deps: AgentDeps) => Promise<Agent>;
