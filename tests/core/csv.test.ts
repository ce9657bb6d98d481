import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../src/core/csv.js';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and newlines inside quotes', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
  });
  it('reads records by header, ignoring a BOM and blank lines', () => {
    expect(parseCsvRecords('\uFEFFid, label\n1,a\n\n2\n')).toEqual([{ id: '1', label: 'a' }, { id: '2', label: '' }]);
  });
});
