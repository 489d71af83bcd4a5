// Worker thread entry: reads uploaded files with readSheet, one message each, and posts the rows back
// under the request's id (see readUpload.ts, which keeps the worker for the next file).

import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { readSheet, SheetError } from './sheet.js';

export type WorkerAnswer = { id: number } & ({ ok: true; sheet: Awaited<ReturnType<typeof readSheet>> } | { ok: false; sheetError: boolean; message: string; stack?: string });
/** A file to read, or (no bytes) the warm-up: a tiny workbook written and read, so the first real read finds the reader's code compiled. */
export type WorkerRequest = { id: number; bytes?: Uint8Array };

async function warmUp() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').addRow(['Mã xã', 'Kết quả ANTT']);
  return readSheet(new Uint8Array(await wb.xlsx.writeBuffer()));
}

parentPort!.on('message', ({ id, bytes }: WorkerRequest) => {
  (bytes ? readSheet(bytes) : warmUp()).then(
    (sheet) => parentPort!.postMessage({ id, ok: true, sheet } satisfies WorkerAnswer),
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      parentPort!.postMessage({ id, ok: false, sheetError: e instanceof SheetError, message: err.message, stack: err.stack } satisfies WorkerAnswer);
    },
  );
});
