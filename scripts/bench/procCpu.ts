import { readFileSync, readdirSync } from 'node:fs';

/** CPU time (user + system, seconds) of the browser's processes, by kind. */
export interface BrowserCpu {
  /** Renderer processes: the page's main thread, MapLibre's worker, the compositor. */
  renderer: number;
  /** The GPU process: with SwiftShader, shader compilation and rasterization on the CPU. */
  gpu: number;
  /** Everything else (browser, network and storage services). */
  other: number;
}

/** The kernel's clock ticks per second (USER_HZ): 100 on Linux everywhere. */
const CLOCK_TICKS = 100;

/**
 * Chromium's own processes (/usr/bin/chromium is a script that runs /usr/lib/chromium/chromium), not the bench
 * server. Chromium's child processes rewrite their title, so their arguments may be separated by spaces, not NULs.
 */
export const isChromium = (cmdline: string) => /(^|\/)(chromium|chrome|headless_shell)$/.test(cmdline.split(/[\0 ]/)[0]);

/** utime + stime (clock ticks) and parent pid from a /proc/<pid>/stat line; the name may hold spaces and parentheses. */
export function parseStat(line: string): { ppid: number; ticks: number } {
  const f = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
}

/** CPU time so far of process `pid` (user + system, all its threads), seconds. */
export const processCpuSeconds = (pid: number) => parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).ticks / CLOCK_TICKS;

/** Which kind of Chromium process a command line (NUL-separated, as /proc has it) is. */
export function processKind(cmdline: string): keyof BrowserCpu {
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  return type === 'renderer' ? 'renderer' : type === 'gpu-process' ? 'gpu' : 'other';
}

/**
 * CPU time so far of the Chromium processes started by this process (from /proc): taken before and after a page
 * load, the difference is what the load cost, which says more than wall time on a machine shared with other work.
 */
export function browserCpu(): BrowserCpu {
  const procs = new Map<number, { ppid: number; ticks: number; kind: keyof BrowserCpu | null }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      procs.set(Number(d), { ...parseStat(readFileSync(`/proc/${d}/stat`, 'utf8')), kind: isChromium(cmd) ? processKind(cmd) : null });
    } catch {
      // The process ended while being read.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = procs.get(pid)?.ppid; p !== undefined && p > 1; p = procs.get(p)?.ppid) if (p === process.pid) return true;
    return false;
  };
  const out: BrowserCpu = { renderer: 0, gpu: 0, other: 0 };
  for (const [pid, p] of procs) if (p.kind && ours(pid)) out[p.kind] += p.ticks / CLOCK_TICKS;
  return out;
}

export const cpuSince = (before: BrowserCpu, after: BrowserCpu): BrowserCpu => ({
  renderer: after.renderer - before.renderer,
  gpu: after.gpu - before.gpu,
  other: after.other - before.other,
});
