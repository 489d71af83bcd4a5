import { describe, expect, it } from 'vitest';
import { startScripts } from './firstScript.js';

describe('startScripts', () => {
  it('reads the module entry and its preloads from the built page', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="/assets/maplibre-b.js">
<link rel="stylesheet" crossorigin href="/assets/index-c.css">`;
    expect(startScripts(html)).toEqual(['/assets/index-a.js', '/assets/maplibre-b.js']);
  });
});
