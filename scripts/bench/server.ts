import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The hello-world route the stats route is compared against: on the app's base (router, middleware), under /api/ as the stats route is. */
export const HELLO_PATH = '/api/__bench/hello';
/** The same on a bare Hono app: what the app's base costs (reported). */
export const BARE_HELLO_PATH = '/__bench/hello';

export interface BenchServer {
  url: string;
  pid: number;
  /** Resident and peak resident memory of the server process, bytes (from /proc). */
  memory(): { rss: number; peakRss: number };
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/** Starts the portal server (plus the hello-world route) in a child process on a free loopback port. */
export function startServer(env: NodeJS.ProcessEnv = process.env): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before listening`)));
    child.once('message', (m) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // A server that dies under load makes every later figure fail: say so where it happened.
      child.once('exit', (code, signal) => console.error(`bench server (pid ${child.pid}) exited: ${signal ?? code}`));
      const port = (m as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        memory: () => procMemory(child.pid!),
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            // It exits once its store is closed; a server that does not within 15 s is killed.
            const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.disconnect();
          }),
      });
    });
  });
}

function procMemory(pid: number): { rss: number; peakRss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
}
