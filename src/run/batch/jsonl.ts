/** Parses one JSONL document; blank lines are skipped, a broken line is reported by number. */
export function parseJsonl(text: string, what: string): unknown[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      throw new Error(`${what}: line ${i + 1} is not valid JSON`);
    }
  });
}
