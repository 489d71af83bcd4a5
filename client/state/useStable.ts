import { useRef } from 'react';

/**
 * The same object as long as its key (by default its JSON) is the same: for values built afresh each render
 * (a symbology from the URL's view) that memos and effects depend on.
 */
export function useStable<T>(value: T, key: string = JSON.stringify(value)): T {
  const kept = useRef({ key, value });
  if (kept.current.key !== key) kept.current = { key, value };
  return kept.current.value;
}
