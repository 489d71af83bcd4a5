import { defineConfig } from 'vite';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { preloadFonts } from './scripts/vite/fontPreload.js';
import { firstLoadModules } from './scripts/vite/firstLoadChunk.js';
import { testProjects } from './test/support/projects.js';

const apiPort = Number(process.env.PORT ?? 8787);

const firstLoad = firstLoadModules();
const MAPLIBRE = /[\\/]node_modules[\\/]maplibre-gl[\\/].*\.m?js$/;
const tests = testProjects(import.meta.dirname);
// Unit tests share a module graph per worker; the rest are isolated and have the seeded databases (test/support/projects.ts).
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'unit', include: tests.unit, isolate: false } },
  { extends: true, test: { name: 'integration', include: tests.integration, globalSetup: ['test/global-setup.ts'] } },
];

export default defineConfig(async ({ mode }) => ({
  root: 'client',
  plugins: [react(), preloadFonts(), firstLoad.plugin],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // MapLibre in a chunk of its own: it changes less often than the app (caches keep it), and the benchmark
            // weighs the app's first script apart from it.
            { name: 'maplibre', test: MAPLIBRE, priority: 2 },
            // The first load's modules that lazy panels import too, in one chunk rather than one each: the page asks
            // for four scripts, not ten (alternating loads, 12 rounds each way: 1,519 -> 1,447 and 1,630 -> 1,532 ms).
            { name: 'shared', test: (id: string) => firstLoad.has(id), minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` serves the client with hot reload and sends the API to `npm run serve`.
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/fonts': `http://127.0.0.1:${apiPort}`,
    },
  },
  test: {
    root: '.',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // End-to-end tests start a server and a browser each: keep files from competing for 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    projects,
    // Only vitest needs it (and loads vitest/node): `vite build` does not.
    ...(mode === 'test' ? { sequence: { sequencer: (await import('./test/support/sequencer.js')).SlowFirstSequencer } } : {}),
  },
}));
