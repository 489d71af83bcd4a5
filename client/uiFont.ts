/** The UI font's weights: main.tsx imports their faces, a Latin and a Vietnamese subset each. */
const WEIGHTS = [400, 600, 700];
/** A Latin and a Vietnamese letter, so that both subsets of a weight are loaded. */
const SAMPLE = 'Aạ';
/** The longest the map page waits for them: on a slow network the fallback font is better than no map. */
const MAX_WAIT_MS = 400;

// Asked for as the script runs. A face is otherwise loaded only when text first needs it and swapped in a frame
// later: the bold faces came after the main view's first layout, the top bar grew by 7-15 px and the map, made
// in that layout, was resized and fitted again (3 loads in 8 on a busy machine). The files are preloaded from the
// page's head, so the faces are usually ready before the data the main view waits for.
const loaded: Promise<true> = Promise.race([
  Promise.all(WEIGHTS.map((w) => document.fonts?.load(`${w} 1em "Noto Sans"`, SAMPLE))).then(
    () => true as const,
    () => true as const,
  ),
  new Promise<true>((resolve) => setTimeout(() => resolve(true), MAX_WAIT_MS)),
]);

/** Resolves once the UI font is loaded, or has been waited for long enough. */
export const uiFontLoaded = (): Promise<true> => loaded;
