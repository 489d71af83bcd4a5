import { useEffect, useState } from 'react';

/** Phones (and narrow windows): one short bar, the controls in a sheet, panels as bottom sheets. Matches styles' phone.css. */
export const PHONE_QUERY = '(max-width: 600px)';

/** Whether a media query matches, kept up to date (a phone turned on its side, a window resized). */
export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return matches;
}
