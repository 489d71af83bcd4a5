// The guarded way into the file reader (readSheet) for uploads: a ZIP (XLSX) is first held to its
// inflation budget (zipBudget.ts); a large file is then read in a worker thread, with a memory cap and
// a time limit, so that the server keeps answering other requests meanwhile (the worker is kept warm a
// few minutes for the next read: booting it costs more than reading a country's file); whatever the reader or a
// library throws, the user is told in Vietnamese, never in the library's words (logged here instead).

import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerRequest } from './sheetWorker.js';
import { readSheet, SheetError, type Sheet } from './sheet.js';
import { checkZipBudget, DEFAULT_ZIP_BUDGET, isZip, ZipBudgetError, type ZipBudget } from './zipBudget.js';

export interface ReadOptions {
  budget?: ZipBudget;
  /** Work (bytes, inflated for XLSX) above which the file is read in a worker thread. */
  workerAbove?: number;
  /** The worker's heap cap and time limit. */
  workerHeapMb?: number;
  workerTimeoutMs?: number;
}

const DEFAULT_WORKER_ABOVE = 1024 * 1024;
const DEFAULT_HEAP_MB = 1024;

const UNREADABLE = 'Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng XLSX/CSV. Hãy mở tệp bằng Excel, lưu lại (XLSX hoặc CSV UTF-8) và thử lại.';

/**
 * The worker's first lines: the TypeScript loader the server runs under (tsx), registered in the worker
 * itself (Node 20 does not carry loader hooks into workers, nor does a test runner's own), then the entry.
 */
// (require.resolve finds the package's CommonJS build of the API; the worker imports its ES module twin.)
const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const BOOT = `import(${JSON.stringify(tsxApi)}).then((t) => { t.register(); return import(${JSON.stringify(new URL('./sheetWorker.ts', import.meta.url).href)}); })`;

/** An idle reader is kept this long: a file is read two or three times (dry run, after the user's choices, commit). */
const READER_IDLE_MS = 5 * 60_000;

// At most one idle reader, warm (exceljs loaded and compiled: most of a cold read's time), unref'd so
// that it never keeps the process alive.
let idle: { worker: Worker; heapMb: number; timer: NodeJS.Timeout } | null = null;
let seq = 0;

function reader(heapMb: number): Worker {
  if (idle && idle.heapMb === heapMb) {
    const { worker, timer } = idle;
    clearTimeout(timer);
    idle = null;
    return worker;
  }
  const worker = new Worker(BOOT, { eval: true, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  worker.once('exit', () => {
    if (idle?.worker === worker) idle = null;
  });
  return worker;
}

/** Parks a reader as the idle one, for `keepMs` (or until used, when null); a second one is ended. */
function release(worker: Worker, heapMb: number, keepMs: number | null = READER_IDLE_MS) {
  worker.unref();
  if (idle) {
    void worker.terminate();
    return;
  }
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, keepMs ?? 2 ** 31 - 1);
  timer.unref();
  idle = { worker, heapMb, timer };
}

/**
 * Boots a reader in the background at server start and parks it until the first large upload, which then finds it
 * warm (exceljs loaded, a tiny workbook read) instead of paying the thread's boot (seconds); an upload during the
 * warm-up queues behind it on the same thread. Never delays or fails the start: resolves true once the reader is
 * warm, false when a reader was already idle or the warm-up failed (logged).
 */
export function warmReader(heapMb = DEFAULT_HEAP_MB): Promise<boolean> {
  if (idle) return Promise.resolve(false);
  const worker = reader(heapMb);
  const id = ++seq;
  release(worker, heapMb, null);
  return new Promise((resolve) => {
    const failed = (message: string) => {
      console.warn('import: warming the file reader failed:', message);
      // Still parked: ended (an upload that took it meanwhile is told by its own handlers).
      if (idle?.worker === worker) {
        clearTimeout(idle.timer);
        idle = null;
        void worker.terminate();
      }
      resolve(false);
    };
    const onMessage = (m: WorkerAnswer) => {
      if (m.id !== id) return;
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (m.ok) resolve(true);
      else failed(m.message);
    };
    const onError = (e: Error) => {
      worker.off('message', onMessage);
      failed(e.message);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ id } satisfies WorkerRequest);
  });
}

function inWorker(bytes: Uint8Array, heapMb: number, timeoutMs: number): Promise<Sheet> {
  const worker = reader(heapMb);
  const id = ++seq;
  worker.ref();
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      void worker.terminate();
      reject(new SheetError(`Đọc tệp quá ${Math.round(timeoutMs / 1000)} giây: tệp quá lớn hoặc quá phức tạp. Hãy chia tệp theo tỉnh.`));
    }, timeoutMs);
    const onMessage = (m: WorkerAnswer) => {
      if (m.id !== id) return;
      done();
      release(worker, heapMb);
      if (m.ok) resolve(m.sheet);
      else if (m.sheetError) reject(new SheetError(m.message));
      else reject(Object.assign(new Error(m.message), { stack: m.stack }));
    };
    const onError = (e: Error) => {
      done();
      // ERR_WORKER_OUT_OF_MEMORY: the heap cap was reached (the worker is gone).
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new SheetError('Tệp cần quá nhiều bộ nhớ để đọc: hãy chia tệp theo tỉnh.'));
      else reject(e);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`the reader worker exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ id, bytes } satisfies WorkerRequest);
  });
}

/** readSheet, guarded. Throws SheetError (with a message for the user) for any file that cannot be read. */
export async function readUpload(bytes: Uint8Array, o: ReadOptions = {}): Promise<Sheet> {
  let work = bytes.length;
  try {
    if (isZip(bytes)) work = await checkZipBudget(bytes, o.budget ?? DEFAULT_ZIP_BUDGET);
    const heapMb = o.workerHeapMb ?? DEFAULT_HEAP_MB;
    return work > (o.workerAbove ?? DEFAULT_WORKER_ABOVE) ? await inWorker(bytes, heapMb, o.workerTimeoutMs ?? 120_000) : await readSheet(bytes);
  } catch (e) {
    if (e instanceof SheetError) throw e;
    if (e instanceof ZipBudgetError) throw new SheetError(e.message);
    const id = randomUUID();
    console.error(`import ${id}: the file reader failed:`, e);
    throw new SheetError(`${UNREADABLE} (mã lỗi ${id})`);
  }
}
