import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadCatalog, loadMaterial, textBlocks } from '../../src/audit/material.js';
import { ROOT } from '../helpers/cli.js';

const FIX = join(ROOT, 'tests/fixtures/audit');

describe('audit material', () => {
  it('a Markdown file becomes one block per heading; text before the first heading is titled by the file', () => {
    expect(textBlocks('dir/returns.md', 'Intro line.\n\n# Window\n30 days.\n## Refunds ##\nWithin 5 days.\n# Empty\n')).toEqual([
      { id: 'returns#1', title: 'returns', text: 'Intro line.' },
      { id: 'returns#2', title: 'Window', text: '30 days.' },
      { id: 'returns#3', title: 'Refunds', text: 'Within 5 days.' },
    ]);
  });

  it('knowledge and policy files become kb articles and named policies; the catalog CSV gives names and prices', () => {
    const m = loadMaterial({ knowledge: [join(FIX, 'knowledge.md')], policy: [join(FIX, 'policy.md')], catalog: join(FIX, 'catalog.csv') }, 'fashion-ecommerce');
    expect(m.kb.map((a) => a.title)).toEqual(['Shipping', 'Contact']);
    expect(m.policies.map((p) => p.name)).toEqual(['Returns', 'Cancellations', 'Exchanges', 'Hand-over']);
    expect(m.catalog.find((c) => c.sku === 'JKT-02')).toMatchObject({ name: 'Down Parka', price: 219, stock: 3, category: 'outerwear', currency: 'USD' });
  });

  it('a JSON catalog may be a list or {currency, items}; a bad price names the line or field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-cat-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ currency: 'EUR', items: [{ name: 'Mug', price: 9.5 }] }));
    expect(loadCatalog(join(dir, 'a.json'), 'saas')[0]).toMatchObject({ name: 'Mug', price: 9.5, currency: 'EUR', sku: 'item-1' });
    writeFileSync(join(dir, 'b.csv'), 'name,price\nMug,9.5\nCup,cheap\n');
    try {
      loadCatalog(join(dir, 'b.csv'), 'saas');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]).toMatchObject({ line: 3, path: 'price' });
    }
    expect(() => loadMaterial({ knowledge: [join(dir, 'a.json')] }, 'saas')).toThrow(InputError);
  });
});
