// Worker thread entry: reads one uploaded file with readSheet and posts the rows back (see readUpload.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { readSheet, SheetError } from './sheet.js';

export type WorkerAnswer = { ok: true; sheet: Awaited<ReturnType<typeof readSheet>> } | { ok: false; sheetError: boolean; message: string; stack?: string };

const { bytes } = workerData as { bytes: Uint8Array };
readSheet(bytes).then(
  (sheet) => parentPort!.postMessage({ ok: true, sheet } satisfies WorkerAnswer),
  (e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    parentPort!.postMessage({ ok: false, sheetError: e instanceof SheetError, message: err.message, stack: err.stack } satisfies WorkerAnswer);
  },
);
