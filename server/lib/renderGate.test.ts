import { describe, expect, it } from 'vitest';
import { ApiError } from '../services/errors.js';
import { renderGate } from './renderGate.js';

describe('renderGate', () => {
  it('runs up to the limit at once, refuses one more with 503, and frees its place when a job ends or fails', async () => {
    const gate = renderGate(2, 'bận');
    const release: (() => void)[] = [];
    const held = () => gate(() => new Promise<string>((r) => release.push(() => r('xong'))));
    const a = held();
    const b = held();
    await expect(gate(async () => 'c')).rejects.toMatchObject({ status: 503, message: 'bận' });
    release[0]();
    expect(await a).toBe('xong');
    expect(await gate(async () => 'c')).toBe('c');
    await expect(gate(async () => { throw new Error('hỏng'); })).rejects.toThrow('hỏng');
    expect(await gate(async () => 'd')).toBe('d');
    release[1]();
    expect(await b).toBe('xong');
    await expect(gate(async () => 'e')).resolves.toBe('e');
    expect(new ApiError(503, 'x').status).toBe(503);
  });
});
