import type ExcelJS from 'exceljs';

/**
 * ExcelJS, loaded on first use: importing it takes about half a second, which every server process, CLI and test
 * would otherwise pay at start-up whether or not it reads or writes a spreadsheet (and a browser bundles it apart).
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
