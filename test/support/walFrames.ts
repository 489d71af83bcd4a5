// Reads an SQLite write-ahead log as SQLite's recovery would (https://www.sqlite.org/fileformat.html#the_write_ahead_log):
// the frames whose salts match the header and whose checksum chain holds, and how many of them follow the last
// commit frame. Frames after the last commit belong to a transaction that was still open when the log was read
// (or the process was killed): the evidence that a kill happened inside a transaction.

import { existsSync, readFileSync } from 'node:fs';

export interface WalFrames {
  pageSize: number;
  /** Valid frames, committed or not. */
  frames: number;
  /** Valid frames up to and including the last commit frame. */
  committed: number;
  /** Valid frames after the last commit frame: an open (or interrupted) transaction's pages. */
  uncommitted: number;
}

const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

export function walFrames(path: string): WalFrames {
  const empty = { pageSize: 0, frames: 0, committed: 0, uncommitted: 0 };
  if (!existsSync(path)) return empty;
  const b = readFileSync(path);
  if (b.length < 32) return empty;
  const magic = b.readUInt32BE(0);
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) throw new Error(`${path}: not a write-ahead log`);
  const word = magic === MAGIC_BE ? (i: number) => b.readUInt32BE(i) : (i: number) => b.readUInt32LE(i);
  const sum = (start: number, end: number, s: [number, number]): [number, number] => {
    let [s0, s1] = s;
    for (let i = start; i < end; i += 8) {
      s0 = (s0 + word(i) + s1) >>> 0;
      s1 = (s1 + word(i + 4) + s0) >>> 0;
    }
    return [s0, s1];
  };
  const pageSize = b.readUInt32BE(8) === 1 ? 65536 : b.readUInt32BE(8);
  const [salt1, salt2] = [b.readUInt32BE(16), b.readUInt32BE(20)];
  let s = sum(0, 24, [0, 0]);
  if (s[0] !== b.readUInt32BE(24) || s[1] !== b.readUInt32BE(28)) return { ...empty, pageSize };
  let frames = 0;
  let committed = 0;
  for (let at = 32; at + 24 + pageSize <= b.length; at += 24 + pageSize) {
    if (b.readUInt32BE(at + 8) !== salt1 || b.readUInt32BE(at + 12) !== salt2) break;
    s = sum(at + 24, at + 24 + pageSize, sum(at, at + 8, s));
    if (s[0] !== b.readUInt32BE(at + 16) || s[1] !== b.readUInt32BE(at + 20)) break;
    frames++;
    if (b.readUInt32BE(at + 4) !== 0) committed = frames;
  }
  return { pageSize, frames, committed, uncommitted: frames - committed };
}
