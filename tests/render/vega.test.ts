import { describe, expect, test } from 'vitest';
import { prefixIds, renderSvg, withValues } from '../../src/render/vega.js';

const bar = { mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' }, href: { field: 'href' } } };

describe('renderSvg', () => {
  test('draws injected rows headlessly, escapes text and keeps links', async () => {
    const spec = withValues(bar, [{ k: '<script>x</script>', v: 2, href: '#conv-abc' }, { k: 'b', v: 3, href: '#conv-def' }]);
    const { svg } = await renderSvg(spec, 'c1');
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('xlink:href="#conv-abc"');
  });

  test('collects vega-lite warnings instead of printing them, and fails loudly on a broken spec', async () => {
    const { warnings } = await renderSvg(withValues({ mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative', aggregate: 'nonsense' } } }, [{ k: 'a', v: 1 }]), 'c2');
    expect(warnings.join(' ')).toMatch(/nonsense/);
    await expect(renderSvg(withValues({ mark: 'no-such-mark' }, [{ a: 1 }]), 'c3')).rejects.toThrow();
  });

  test('a clipped chart gets prefixed clip ids so several SVGs can share a page', async () => {
    const clipped = { ...bar, mark: { type: 'bar', clip: true }, encoding: { ...bar.encoding, y: { field: 'v', type: 'quantitative', scale: { domain: [0, 1] } } } };
    const { svg } = await renderSvg(withValues(clipped, [{ k: 'a', v: 2, href: '#x' }]), 'chart-a');
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^chart-a-/);
    for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });
});

describe('prefixIds', () => {
  test('rewrites defined ids and their url() references only, never links or text', () => {
    const svg = '<svg><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"><a xlink:href="#conv-1"><text>id="clip1" url(#other)</text></a></g></svg>';
    expect(prefixIds(svg, 'p')).toBe('<svg><clipPath id="p-clip1"><rect/></clipPath><g clip-path="url(#p-clip1)"><a xlink:href="#conv-1"><text>id="clip1" url(#other)</text></a></g></svg>');
  });
});

describe('withValues', () => {
  test('injects the rows and never lets a long label be cut, unless the spec says so', async () => {
    const long = 'openai-compatible:a-very-long-model-name-that-vega-would-cut';
    const spec = withValues({ mark: 'bar', encoding: { y: { field: 'm', type: 'nominal' }, x: { field: 'v', type: 'quantitative' }, color: { field: 'm', type: 'nominal' } } }, [{ m: long, v: 1 }]);
    expect(spec.data).toEqual({ values: [{ m: long, v: 1 }] });
    const { svg } = await renderSvg(spec, 'w1');
    expect(svg).toContain(long);
    expect(svg).not.toContain('…');
    const own = withValues({ mark: 'bar', config: { axis: { labelLimit: 40, grid: false } } }, []);
    expect(own.config).toMatchObject({ axis: { labelLimit: 40, grid: false }, legend: { labelLimit: 0 } });
  });
});
