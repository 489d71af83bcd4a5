// fontkit 2 ships no types; only what pdfFont.ts uses.
declare module 'fontkit' {
  export interface Subset {
    includeGlyph(glyph: unknown): number;
    encode(): Uint8Array;
  }
  export interface Font {
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
