import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type { Measure } from '../../shared/export/legendLayout.js';

const require = createRequire(import.meta.url);

/** Noto Sans (covers Vietnamese), the face of the map exports, from the npm package the PDF export bundles. */
export const NOTO_SANS = {
  family: 'Noto Sans',
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};

let faces: { regular: Fontkit.Font; bold: Fontkit.Font } | null = null;

/** Text widths in pixels at a font size, as the rasteriser will draw them (for the legend's layout). */
export const measure: Measure = (text, px, bold) => {
  if (!faces) {
    // Loaded on first use (a quarter of a second of every server's start-up otherwise).
    const fontkit = require('fontkit') as typeof Fontkit;
    faces = { regular: fontkit.create(readFileSync(NOTO_SANS.regular)), bold: fontkit.create(readFileSync(NOTO_SANS.bold)) };
  }
  const f = bold ? faces.bold : faces.regular;
  return (f.layout(text).advanceWidth / f.unitsPerEm) * px;
};
