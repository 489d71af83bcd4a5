// Worker thread entry: reads uploaded files with readSheet, one message each, and posts the rows back
// under the request's id (see readUpload.ts, which keeps the worker for the next file).

import { parentPort } from 'node:worker_threads';
import { readSheet, SheetError } from './sheet.js';

export type WorkerAnswer = { id: number } & ({ ok: true; sheet: Awaited<ReturnType<typeof readSheet>> } | { ok: false; sheetError: boolean; message: string; stack?: string });

parentPort!.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
  readSheet(bytes).then(
    (sheet) => parentPort!.postMessage({ id, ok: true, sheet } satisfies WorkerAnswer),
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      parentPort!.postMessage({ id, ok: false, sheetError: e instanceof SheetError, message: err.message, stack: err.stack } satisfies WorkerAnswer);
    },
  );
});
