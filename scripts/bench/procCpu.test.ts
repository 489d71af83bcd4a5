import { describe, expect, it } from 'vitest';
import { cpuSince, isChromium, parseStat, processKind } from './procCpu.js';

describe('browser CPU time from /proc', () => {
  it('reads utime + stime and the parent from a stat line whose name holds spaces and parentheses', () => {
    const line = '4242 (chrome (gpu) x) S 4100 4242 4242 0 -1 4194560 1 0 0 0 250 37 0 0 20 0 12 0 100 0 0';
    expect(parseStat(line)).toEqual({ ppid: 4100, ticks: 287 });
  });

  it('tells renderer, GPU and other Chromium processes apart by their --type', () => {
    expect(processKind('/usr/lib/chromium/chromium\0--type=renderer\0--lang=vi')).toBe('renderer');
    expect(processKind('/usr/lib/chromium/chromium\0--type=gpu-process\0')).toBe('gpu');
    expect(processKind('/usr/lib/chromium/chromium\0--type=utility\0--utility-sub-type=network.mojom.NetworkService')).toBe('other');
    expect(processKind('/usr/lib/chromium/chromium\0--headless')).toBe('other');
  });

  it('counts Chromium itself, not the wrapper script nor the bench server', () => {
    expect(isChromium('/usr/lib/chromium/chromium\0--type=renderer')).toBe(true);
    // A child process's rewritten title: one string, arguments separated by spaces.
    expect(isChromium('/usr/lib/chromium/chromium --type=gpu-process --no-sandbox')).toBe(true);
    expect(isChromium('/opt/pw/chromium_headless_shell-1/chrome-linux/headless_shell\0--type=gpu-process')).toBe(true);
    expect(isChromium('/usr/bin/node\0--import\0tsx\0scripts/bench/server-process.ts')).toBe(false);
    expect(isChromium('/usr/lib/chromium/chrome_crashpad_handler\0--monitor-self')).toBe(false);
  });

  it('subtracts kind by kind', () => {
    expect(cpuSince({ renderer: 1, gpu: 2, other: 0.5 }, { renderer: 3.5, gpu: 2.25, other: 0.5 })).toEqual({ renderer: 2.5, gpu: 0.25, other: 0 });
  });
});
