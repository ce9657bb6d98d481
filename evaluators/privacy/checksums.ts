/** Checksums that tell a real card number or IBAN from any long digit string (methods.md §8.5). */

/** Luhn mod-10 over a digit string; 13-19 digits is the card-number range. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to 10..35, remainder mod 97 must be 1. */
export function ibanValid(raw: string): boolean {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : ch;
    for (const digit of v) rem = (rem * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/**
 * The card scheme a number's issuer prefix and length belong to, or undefined: a Luhn-valid digit run that no scheme
 * issues (an epoch timestamp in milliseconds, a 13-digit id starting with 1) is not a card number.
 */
export function cardScheme(digits: string): string | undefined {
  const n = digits.length;
  const p = (k: number): number => Number(digits.slice(0, k));
  if (digits.startsWith('4') && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (n === 16 && ((p(2) >= 51 && p(2) <= 55) || (p(4) >= 2221 && p(4) <= 2720))) return 'mastercard';
  if (n === 15 && (p(2) === 34 || p(2) === 37)) return 'amex';
  if (n >= 16 && n <= 19 && (p(4) === 6011 || p(2) === 65 || (p(3) >= 644 && p(3) <= 649))) return 'discover';
  if (n >= 16 && n <= 19 && p(4) >= 3528 && p(4) <= 3589) return 'jcb';
  if (n >= 14 && n <= 19 && (p(2) === 36 || p(2) === 38 || p(2) === 39 || (p(3) >= 300 && p(3) <= 305))) return 'diners';
  if (n >= 16 && n <= 19 && p(2) === 62) return 'unionpay';
  if (n >= 12 && n <= 19 && (p(2) === 50 || (p(2) >= 56 && p(2) <= 69))) return 'maestro';
  return undefined;
}
