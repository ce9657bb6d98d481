import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/**
 * The DejaVu TTFs from the dejavu-fonts-ttf package: resvg draws no text without fonts and mixes faces with system
 * fallbacks, so we pass exactly regular + bold and turn system fonts off for the same pixels on every machine.
 */
export function dejavuFontFiles(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  return [join(root, 'ttf', 'DejaVuSans.ttf'), join(root, 'ttf', 'DejaVuSans-Bold.ttf')];
}

/** Rasterises an SVG at `zoom` (2 = crisp on high-density screens and in slide decks). */
export function svgToPng(svg: string, zoom = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: dejavuFontFiles(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
