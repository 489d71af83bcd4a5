// fontkit 2 ships no types; only what pdfFont.ts and the server's reports (text widths) use.
declare module 'fontkit' {
  export interface Subset {
    includeGlyph(glyph: unknown): number;
    encode(): Uint8Array;
  }
  export interface Font {
    createSubset(): Subset;
    layout(text: string, features?: Record<string, boolean>): { advanceWidth: number };
    unitsPerEm: number;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
