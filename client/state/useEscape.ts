import { useEffect, useRef } from 'react';

// What is open, in the order it was opened: Escape closes the last one first (a sheet over a panel, the panel next).
const stack: { current: () => void }[] = [];

function onKey(e: KeyboardEvent) {
  // A field that used Escape itself (the search box clearing its text) has the key.
  if (e.key !== 'Escape' || e.defaultPrevented || !stack.length) return;
  e.preventDefault();
  stack[stack.length - 1].current();
}

/** While `active`, Escape calls `close` (when nothing opened later is still open). */
export function useEscape(close: () => void, active = true): void {
  const ref = useRef(close);
  ref.current = close;
  useEffect(() => {
    if (!active) return;
    const entry = { current: () => ref.current() };
    if (!stack.length) window.addEventListener('keydown', onKey);
    stack.push(entry);
    return () => {
      stack.splice(stack.indexOf(entry), 1);
      if (!stack.length) window.removeEventListener('keydown', onKey);
    };
  }, [active]);
}
