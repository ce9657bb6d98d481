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

/**
 * The most pixels a PNG is drawn with (RGBA while drawing: 48 MB). A chart faceted into hundreds of rows is thousands
 * of pixels tall: at 2x the default suite's bias-gaps chart needed 1,458 x 27,988 pixels (163 MB to draw) and the
 * report's peak memory grew with the study (docs/performance.md). Such a chart is drawn at a lower zoom instead; its
 * SVG keeps every detail.
 */
export const MAX_PNG_PIXELS = 12_000_000;

/** The zoom for this SVG: `zoom`, or less when that would exceed MAX_PNG_PIXELS. */
export function pngZoom(svg: string, zoom = 2): number {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) return zoom;
  return Math.min(zoom, Math.sqrt(MAX_PNG_PIXELS / (width * height)));
}

/** Rasterises an SVG at `zoom` (2 = crisp on high-density screens and in slide decks), within MAX_PNG_PIXELS. */
export function svgToPng(svg: string, zoom = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: pngZoom(svg, zoom) },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: dejavuFontFiles(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
