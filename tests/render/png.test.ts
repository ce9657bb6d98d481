import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { dejavuFontFiles, MAX_PNG_PIXELS, svgToPng } from '../../src/render/png.js';

const textSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="5" y="28" font-family="sans-serif" font-size="24" font-weight="bold">Hello</text></svg>';

/** Counts dark pixels: with no usable font resvg silently draws no text at all. */
function inkOf(png: Buffer): number {
  const img = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="240" height="80"><image width="240" height="80" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`, { font: { loadSystemFonts: false } }).render();
  const px = img.pixels; // a getter that copies the buffer on every access
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i]! < 128) ink++;
  return ink;
}

describe('PNG rendering', () => {
  test('uses the DejaVu regular and bold TTFs from the dejavu-fonts-ttf package', () => {
    const files = dejavuFontFiles();
    expect(files.map((f) => f.split('/').pop())).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
    for (const f of files) expect(existsSync(f)).toBe(true);
  });
  test('renders text at 2x with a white background', () => {
    const png = svgToPng(textSvg);
    expect(png.readUInt32BE(16)).toBe(240);
    expect(png.readUInt32BE(20)).toBe(80);
    expect(inkOf(png)).toBeGreaterThan(200);
  });
  test('draws no text at all without fonts, which is why the fonts are passed explicitly', () => {
    const bare = new Resvg(textSvg, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: false } }).render().asPng();
    expect(inkOf(bare)).toBe(0);
  });
  test('draws a very tall chart at a lower zoom, within the pixel budget', () => {
    // The shape of a chart faceted into hundreds of rows: 729 x 13,994 at 2x would be 40.8 million pixels.
    const tall = '<svg xmlns="http://www.w3.org/2000/svg" width="729" height="13994"><rect x="10" y="10" width="700" height="13970" fill="#345"/></svg>';
    const png = svgToPng(tall);
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(w * h).toBeLessThanOrEqual(MAX_PNG_PIXELS * 1.001);
    expect(w * h).toBeGreaterThan(MAX_PNG_PIXELS * 0.99);
    expect(h / w).toBeCloseTo(13994 / 729, 1);
  });
});
