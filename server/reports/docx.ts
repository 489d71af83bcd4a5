import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableCellBorders,
} from 'docx';
import { SAMPLE_LABEL } from '../services/stats.js';
import { reportTable, type ReportTable } from './reportTable.js';
import type { ReportData } from './reportData.js';
import type { ReportText } from './reportFigures.js';
import { reportText } from './sentences.js';

export interface DocxInput {
  data: ReportData;
  /** The map of the place (PNG) and its pixel size. */
  map: { png: Buffer; width: number; height: number; caption: string };
  date: Date;
  source: string;
}

const FONT = 'Times New Roman';
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS: ITableCellBorders = { top: none, bottom: none, left: none, right: none };
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID: ITableCellBorders = { top: thin, bottom: thin, left: thin, right: thin };
/** A4 text width with the margins of Nghị định 30/2020 (left 30 mm, right 15 mm), in twips. */
const TEXT_WIDTH = Math.round(((210 - 30 - 15) / 25.4) * 1440);

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) => new TextRun({ text, font: FONT, bold: o.bold, italics: o.italics, size: o.size, color: o.color });
const centred = (children: TextRun[], after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });

/** A table without borders: the heading block and the signature block are laid out in two such columns. */
function layoutTable(columns: { pct: number; children: Paragraph[] }[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columns.map((c) => Math.round((c.pct / 100) * TEXT_WIDTH)),
    borders: { ...NO_BORDERS, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ children: columns.map((c) => new TableCell({ borders: NO_BORDERS, width: { size: c.pct, type: WidthType.PERCENTAGE }, children: c.children })) })],
  });
}

/** The heading block: issuer and number on the left, the national motto and place and date on the right. */
function headingBlock(t: ReportText): Table {
  return layoutTable([
    {
      pct: 38,
      children: [
        centred([run(t.issuer[0], { size: 26 })]),
        centred([run(t.issuer[1], { bold: true, size: 26 })]),
        centred([run('―――――', { size: 20 })], 120),
        centred([run(t.number, { size: 26 })]),
      ],
    },
    {
      pct: 62,
      children: [
        centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
        centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 })]),
        centred([run('―――――――――――', { size: 20 })], 120),
        centred([run(t.placeAndDate, { italics: true, size: 26 })]),
      ],
    },
  ]);
}

function dataTable(table: ReportTable): Table {
  const cell = (text: string, header: boolean, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({
      borders: GRID,
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      shading: header ? { fill: 'E7EEF5', type: 'clear', color: 'auto' } : undefined,
      children: [new Paragraph({ alignment: align, children: [run(text, { bold: header, size: 20 })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: table.widths.map((w) => Math.round(w * TEXT_WIDTH)),
    rows: [
      new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c, true, AlignmentType.CENTER)) }),
      ...table.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, false, table.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT)) })),
      ...(table.total ? [new TableRow({ children: table.total.map((v, i) => cell(v, true, table.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT)) })] : []),
    ],
  });
}

const body = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { before: 60, after: 60, line: 312 }, children: [run(text)] });
const heading = (text: string) => new Paragraph({ spacing: { before: 200, after: 80 }, keepNext: true, children: [run(text, { bold: true })] });

/** The year's written report as a Word document. */
export async function reportDocx(input: DocxInput): Promise<Buffer> {
  const { data } = input;
  const t = reportText(data.figures, input.date);
  const sample = data.figures.sample;
  // 16 cm wide at 96 px per inch, the map's proportions kept.
  const imgW = Math.round((16 / 2.54) * 96);
  const imgH = Math.round((imgW * input.map.height) / input.map.width);
  const table = reportTable(data);
  const children = [
    headingBlock(t),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run(t.title, { bold: true })] }),
    centred([run(t.subtitle, { bold: true })], 240),
    ...t.sections.flatMap((s) => [heading(s.heading), ...s.paragraphs.map(body)]),
    heading(`${roman(t.sections.length + 1)}. BẢN ĐỒ VÀ BẢNG SỐ LIỆU`),
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new ImageRun({ type: 'png', data: input.map.png, transformation: { width: imgW, height: imgH }, altText: { title: input.map.caption, description: input.map.caption, name: 'map' } })] }),
    centred([run(`Hình 1. ${input.map.caption}`, { italics: true, size: 24 })], 200),
    new Paragraph({ keepNext: true, spacing: { after: 80 }, children: [run(`Bảng 1. ${table.title}`, { italics: true, size: 24 })] }),
    dataTable(table),
    new Paragraph({ spacing: { before: 120 }, children: [run(`Nguồn: ${input.source}${sample ? ` — ${SAMPLE_LABEL}` : ''}.`, { italics: true, size: 22 })] }),
    signature(),
  ];
  const mark = sample ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`${SAMPLE_LABEL} — không dùng làm số liệu chính thức`, { bold: true, italics: true, size: 22, color: 'C00000' })] })] : [];
  const doc = new Document({
    creator: 'Bản đồ phong trào Toàn dân bảo vệ ANTQ',
    title: `${t.title} ${t.subtitle}`,
    description: sample ? SAMPLE_LABEL : undefined,
    styles: { default: { document: { run: { font: FONT, size: 28, language: { value: 'vi-VN' } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 } } },
        headers: { default: new Header({ children: mark }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 24, children: [PageNumber.CURRENT] })] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** "Nơi nhận" on the left, the signer's block on the right, as documents end. */
function signature(): Table {
  return layoutTable([
    {
      pct: 50,
      children: [
        new Paragraph({ spacing: { before: 240 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
        new Paragraph({ children: [run('- Như trên;', { size: 22 })] }),
        new Paragraph({ children: [run('- Lưu: VT.', { size: 22 })] }),
      ],
    },
    { pct: 50, children: [new Paragraph({ spacing: { before: 240 }, children: [] }), centred([run('TM. BAN CHỈ ĐẠO', { bold: true })]), centred([run('TRƯỞNG BAN', { bold: true })])] },
  ]);
}

const roman = (n: number) => ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'][n - 1] ?? String(n);
