import { describe, expect, it } from 'vitest';
import { fontPreloadTags } from './fontPreload.js';

describe('fontPreloadTags', () => {
  it('preloads the six UI font files (woff2), nothing else', () => {
    const files = [
      'assets/index-BgsO1s9j.js',
      'assets/noto-sans-latin-400-normal-BTkUljjl.woff2',
      'assets/noto-sans-latin-400-normal-Cq8ILM2x.woff',
      'assets/noto-sans-vietnamese-700-normal-DayJ0F-f.woff2',
      'assets/noto-sans-greek-400-normal-AbCdEf12.woff2',
      'assets/noto-sans-latin-800-normal-AbCdEf12.woff2',
    ];
    expect(fontPreloadTags(files)).toEqual([
      { tag: 'link', attrs: { rel: 'preload', href: '/assets/noto-sans-latin-400-normal-BTkUljjl.woff2', as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'preload', href: '/assets/noto-sans-vietnamese-700-normal-DayJ0F-f.woff2', as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' },
    ]);
  });
});
