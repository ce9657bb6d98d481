// Building DOM from data: every value becomes a text node or an attribute set with setAttribute, never HTML.
// Database text is untrusted model output; nothing here parses it as markup.

const SAFE_HREF = /^(#|\/api\/[a-z-]+\?|\/$)/;

/** h('a', { href, class, on: { click } }, ...children): children are nodes or text (null/false skipped). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'on') { for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn); continue; }
    if (/^on/i.test(k)) throw new Error(`event handlers go in props.on, not ${k}`);
    if (k === 'class') el.className = String(v);
    else if (k === 'href') el.setAttribute('href', SAFE_HREF.test(String(v)) ? String(v) : '#');
    else if (k === 'value' && 'value' in el) el.value = String(v);
    else if (k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden') el[k] = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export const clear = (el) => { el.replaceChildren(); return el; };

/** A <select> from [value, label] pairs (or plain values), with an "any" option first when `any` is given. */
export function select(name, options, current, any, on) {
  const el = h('select', { name, on });
  if (any !== undefined) el.append(h('option', { value: '' }, any));
  for (const o of options) {
    const [value, label] = Array.isArray(o) ? o : [o, o];
    el.append(h('option', { value, selected: String(value) === String(current ?? '') }, label));
  }
  if (current !== undefined && current !== null && current !== '' && ![...el.options].some((o) => o.value === String(current))) {
    el.append(h('option', { value: current, selected: true }, `${current} (not in this file)`));
  }
  return el;
}

/** Text with each occurrence of `quote` wrapped in <mark> (case-insensitive), built from text nodes only. */
export function marked(text, quotes) {
  const frag = document.createDocumentFragment();
  const qs = quotes.filter((q) => q && q.length >= 2);
  if (!qs.length) { frag.append(text); return frag; }
  const lower = text.toLowerCase();
  let i = 0;
  while (i < text.length) {
    let best = -1;
    let len = 0;
    for (const q of qs) {
      const at = lower.indexOf(q.toLowerCase(), i);
      if (at >= 0 && (best < 0 || at < best)) { best = at; len = q.length; }
    }
    if (best < 0) { frag.append(text.slice(i)); break; }
    if (best > i) frag.append(text.slice(i, best));
    frag.append(h('mark', null, text.slice(best, best + len)));
    i = best + len;
  }
  return frag;
}
