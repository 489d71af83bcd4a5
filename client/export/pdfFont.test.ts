import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { missingPoppler, skipUnlessCi } from '../../test/support/prerequisites.js';
import { embedFonts } from './pdfFont.js';

const FONTS = join(import.meta.dirname, '..', '..', 'node_modules', '@expo-google-fonts', 'noto-sans');
const bytes = () => ({
  regular: readFileSync(join(FONTS, '400Regular', 'NotoSans_400Regular.ttf')),
  bold: readFileSync(join(FONTS, '700Bold', 'NotoSans_700Bold.ttf')),
});
const TEXT = 'Số liệu đến ngày 23/11/2026 · minh họa, Đắk Lắk, Huế, ỵ (hoa)';

async function pdfWith(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc, bytes());
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 40, y: 700, size: 14, font: fonts.regular });
  page.drawText(text, { x: 40, y: 660, size: 14, font: fonts.bold });
  return doc.save();
}

describe('embedded fonts', () => {
  it('embeds subsets, far smaller than the two fonts', async () => {
    const pdf = await pdfWith(TEXT);
    expect(pdf.length).toBeLessThan(60_000);
    expect(bytes().regular.length).toBeGreaterThan(500_000);
  });

  it.skipIf(skipUnlessCi('the PDF font rendering test', missingPoppler(['pdftotext', 'pdftoppm'])))('keeps the Vietnamese text extractable and draws every glyph', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antq-font-'));
    const file = join(dir, 'font.pdf');
    writeFileSync(file, await pdfWith(TEXT));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.split('\n').filter((l) => l.trim())).toEqual([TEXT, TEXT]);
    // A broken subset leaves most glyphs blank: count the inked pixels of the rendered line against the text's length.
    const pgm = execFileSync('pdftoppm', ['-r', '72', '-gray', '-x', '0', '-y', '120', '-W', '595', '-H', '40', file], { maxBuffer: 1 << 24 });
    const header = pgm.indexOf('255\n') + 4;
    const ink = [...pgm.subarray(header)].filter((v) => v < 128).length;
    expect(ink).toBeGreaterThan(TEXT.length * 12);
  });
});
