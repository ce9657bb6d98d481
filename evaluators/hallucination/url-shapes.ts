import type { Hit } from '../nlp/patterns.js';

/**
 * Web addresses without a scheme on domains the shared URL pattern (nlp/patterns.ts) does not list: country domains
 * (acme.ie/returns, help.acme.com.au) and newer generic ones (.online, .travel). Lower case, a label of three or more
 * characters before the domain, so "e.g." and "i.e." are not addresses.
 */

const TLD = '(?:ie|au|ca|nz|fr|es|it|nl|in|jp|be|ch|at|se|no|dk|fi|pl|pt|za|sg|hk|mx|br|ar|cl|kr|tw|ae|il|tr|cz|gr|hu|ro|my|ph|th|vn|online|site|tech|travel|bank|insurance|energy|health|care|club|me|tv|ai|ly|gg)';
const URL_EXTRA = new RegExp(`(?<![\\w@./-])((?:[a-z0-9-]+\\.)*[a-z0-9-]{3,}\\.(?:(?:com|co|org|net|gov|ac)\\.)?${TLD})(?![\\w-])(\\/[^\\s<>()"'\`]*)?`, 'g');

export function extraUrls(text: string): Hit[] {
  return [...text.matchAll(URL_EXTRA)].map((m) => {
    const raw = m[0].replace(/[.,;:!?)\]'"]+$/, '');
    return { start: m.index, end: m.index + raw.length, raw };
  });
}
