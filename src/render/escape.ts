/**
 * Everything a report shows that came from a model, a scenario file or a database row is untrusted text.
 * These helpers are the only way such text reaches HTML, so the escaping rules live in one place.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double- or single-quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Text as an HTML id fragment: anything outside [A-Za-z0-9_-] is squeezed to '_'. */
export function safeIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
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
