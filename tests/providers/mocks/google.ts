/** generateContent wire JSON, as generativelanguage.googleapis.com returns it (fields the SDK and the backend read). */
export interface GeminiFixture {
  modelVersion?: string;
  text?: string;
  /** A thought part the model wrote before answering; must not reach the reply text. */
  thought?: string;
  calls?: Array<{ name: string; args: Record<string, unknown>; id?: string; thoughtSignature?: string }>;
  finishReason?: string;
  usage?: Record<string, unknown>;
}

export function geminiResponse(f: GeminiFixture): unknown {
  return {
    candidates: [
      {
        content: {
          role: 'model',
          parts: [
            ...(f.thought ? [{ text: f.thought, thought: true }] : []),
            ...(f.text !== undefined ? [{ text: f.text }] : []),
            ...(f.calls ?? []).map((c) => ({
              functionCall: { name: c.name, args: c.args, ...(c.id ? { id: c.id } : {}) },
              ...(c.thoughtSignature ? { thoughtSignature: c.thoughtSignature } : {}),
            })),
          ],
        },
        finishReason: f.finishReason ?? 'STOP',
        index: 0,
      },
    ],
    usageMetadata: f.usage ?? { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
    modelVersion: f.modelVersion ?? 'gemini-mock-001',
    responseId: 'resp-mock',
  };
}

const STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL' };

export function geminiError(status: number, message: string, details: unknown[] = []): unknown {
  return { error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN', details } };
}
