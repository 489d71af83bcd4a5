import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './commonPasswords.js';
import { hashPassword, passwordProblem, verifyLogin } from './password.js';

describe('the password rule', () => {
  it('counts characters as a person does (code points), not UTF-16 units', () => {
    // Five characters outside the BMP: ten UTF-16 units, five characters.
    expect('𝔸𝔹ℂ𝔻𝔼'.length).toBeGreaterThanOrEqual(9);
    expect(passwordProblem('𝔸𝔹𝔻𝔼𝔽')).toMatch(/ít nhất 10 ký tự/);
    // Decomposed Vietnamese (NFD) counts as its composed characters: "Ngược" is 5, not 7.
    expect(passwordProblem('Ngược đời'.normalize('NFD'))).toMatch(/ít nhất 10 ký tự/);
    expect(passwordProblem('Ngược đời 7'.normalize('NFD'))).toBeNull();
    expect(passwordProblem('ba con mèo trèo')).toBeNull();
  });

  it('refuses the most common passwords and their variations', () => {
    for (const p of ['1234567890', 'password123', 'Password@123', 'matkhau2025!', 'qwertyuiop', 'aaaaaaaaaaaa', 'abcabcabcabc', '12121212121212', 'Admin123456', '!!!!2025!!!!']) {
      expect(isCommonPassword(p) || passwordProblem(p) !== null, p).toBe(true);
      expect(passwordProblem(p), p).not.toBeNull();
    }
    expect(isCommonPassword('mat-khau-thu-nghiem')).toBe(false);
    expect(passwordProblem('ngoc.lan.2025', 'ngoc')).toMatch(/tên đăng nhập/);
  });

  it('checks an unknown account against a dummy hash: refused, after the same scrypt', async () => {
    expect(await verifyLogin('bất kỳ mật khẩu', undefined)).toBe(false);
    const h = await hashPassword('đúng mật khẩu');
    expect(await verifyLogin('đúng mật khẩu', h)).toBe(true);
    expect(await verifyLogin('sai mật khẩu', h)).toBe(false);
  });
});
