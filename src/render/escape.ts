/**
 * Everything a report shows that came from a model, a scenario file or a database row is untrusted text.
 * These helpers are the only way such text reaches HTML, so the escaping rules live in one place.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double- or single-quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become \u escapes so no `</script>` or
 * `<!--` can end the block early, and U+2028/U+2029 are escaped for older JS parsers. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Makes third-party script text safe to inline: a literal `</script` inside it would end our tag. */
export function inlineScriptText(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}

/** A cell key as an HTML id fragment: cell keys are hashes, but anything else is squeezed to [A-Za-z0-9_-]. */
export function safeIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The anchor of a conversation in the transcript browser; charts link to it with `#conv-<cell_key>`. */
export function conversationAnchor(cellKey: string): string {
  return `conv-${safeIdPart(cellKey)}`;
}

/**
 * Escapes text for a Markdown table cell or line: memo tools render raw HTML and links inside Markdown, so markup,
 * entities, brackets and the table pipe are neutralised and newlines folded. A comparison written with spaces
 * ("p < 0.05", "n > 4", "A & B") cannot start a tag or an entity and stays readable as it is.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/&(?![\s]|$)/g, '&amp;')
    .replace(/<(?![\s\d=]|$)/g, '&lt;')
    .replace(/(^|[^\s])>|>(?![\s\d=]|$)/g, (m) => m.replace('>', '&gt;'))
    .replace(/([\\|[\]`*_])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}
