import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The UI font's files (client/main.tsx imports them): Noto Sans, Latin and Vietnamese subsets, 400/600/700. */
const UI_FONT = /(^|\/)noto-sans-(latin|vietnamese)-(400|600|700)-normal-[\w-]+\.woff2$/;

/** A preload tag for each UI font file among the bundle's files (each a path under the site's root). */
export function fontPreloadTags(files: readonly string[]): HtmlTagDescriptor[] {
  return files
    .filter((f) => UI_FONT.test(f))
    .sort()
    .map((f) => ({ tag: 'link', attrs: { rel: 'preload', href: `/${f}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' }));
}

/**
 * Preloads the UI font from the page's head. Otherwise each of its six files is asked for only when text needing it
 * is first laid out (the loading message, then the page, then the bold and the Vietnamese letters), and each arrival
 * lays out and paints the page's text again (with a software GPU each repaint is costly).
 */
export function preloadFonts(): Plugin {
  return {
    name: 'antq-preload-fonts',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (_html, ctx) => fontPreloadTags(Object.keys(ctx.bundle ?? {})) },
  };
}
