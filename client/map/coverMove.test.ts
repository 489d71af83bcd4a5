import { describe, expect, it } from 'vitest';
import { coverMove } from './coverMove.js';

const none = { bottom: 0, right: 0 };
const sheet = { bottom: 459, right: 0 };
const panel = { bottom: 0, right: 392 };
const at = (fitted: boolean, drilled = false, tapped = false) => ({ fitted, drilled, tapped });

describe('coverMove', () => {
  it('does nothing when the cover is the same', () => expect(coverMove(panel, panel, at(true))).toBe('none'));
  it("keeps the fitted country still as a desktop's panel opens or closes", () => {
    expect(coverMove(none, panel, at(true))).toBe('keep');
    expect(coverMove(panel, none, at(true))).toBe('keep');
  });
  it("fits a drilled-in province beside the panel, and a fitted country above a phone's sheet", () => {
    expect(coverMove(none, panel, at(true, true))).toBe('refit');
    expect(coverMove(none, sheet, at(true))).toBe('refit');
    expect(coverMove(sheet, none, at(true, true))).toBe('refit');
  });
  it('brings a tapped unit of a moved map to the middle of what is seen, else keeps the centre there', () => {
    expect(coverMove(none, sheet, at(false, false, true))).toBe('ease-to-tap');
    expect(coverMove(sheet, none, at(false, false, true))).toBe('ease');
    expect(coverMove(none, panel, at(false))).toBe('ease');
  });
});
