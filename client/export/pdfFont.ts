import * as fontkit from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

type PdfFontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * fontkit 2 in the shape pdf-lib expects of fontkit 1. pdf-lib's own fork (@pdf-lib/fontkit) writes broken subsets of
 * Noto Sans (most glyphs come out blank); fontkit 2's subsets are sound but encode in one call instead of a stream.
 */
const fontkitForPdfLib: PdfFontkit = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(bytes);
    return new Proxy(font, {
      get(target, prop) {
        if (prop === 'createSubset')
          return () => {
            const subset = target.createSubset();
            return {
              includeGlyph: (glyph: unknown) => subset.includeGlyph(glyph),
              encodeStream() {
                const handlers: Record<string, (arg?: unknown) => void> = {};
                const stream = {
                  on(event: string, fn: (arg?: unknown) => void) {
                    handlers[event] = fn;
                    return stream;
                  },
                };
                // pdf-lib attaches its handlers first, then waits for the events.
                queueMicrotask(() => {
                  try {
                    handlers.data?.(subset.encode());
                    handlers.end?.();
                  } catch (e) {
                    handlers.error?.(e);
                  }
                });
                return stream;
              },
            };
          };
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  },
} as unknown as PdfFontkit;

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Noto Sans (covers Vietnamese) in two weights, embedded as subsets: text stays real, searchable text. */
export async function embedFonts(doc: PDFDocument, bytes: { regular: Uint8Array; bold: Uint8Array }): Promise<PdfFonts> {
  doc.registerFontkit(fontkitForPdfLib);
  // Noto Sans's ccmp feature splits some letters (ọ, ỵ) into a base and a combining dot: the base glyph would then stand
  // for both "o" and "ọ" in the text layer, and copied or searched text would lose the dot. Precomposed glyphs exist.
  const options = { subset: true, features: { ccmp: false } };
  const [regular, bold] = await Promise.all([doc.embedFont(bytes.regular, options), doc.embedFont(bytes.bold, options)]);
  return { regular, bold };
}
