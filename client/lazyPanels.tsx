// The panels a map page does not show at first load in their own chunks: the worklist with its target and
// filter panels, the deck editor, and the export menu with its composers (PDF, PNG and the conference pack).
// Each comes when it is first shown; until then it draws nothing, or what takes its place in the layout.
// Keeps the map's first script small.

import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

function deferred<P extends object>(load: () => Promise<ComponentType<P>>, placeholder: ReactNode = null): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Deferred = (props: P) => (
    <Suspense fallback={placeholder}>
      <Lazy {...props} />
    </Suspense>
  );
  return Deferred;
}

// The export button is on screen from the start: until its code is there (asked for once the map is coloured, see
// ViewExportMenu), a disabled button holds its place, so that the bars keep their height and the map is fitted to
// its final size.
export const ExportMenuPlaceholder = () => (
  <div className="export-menu">
    <button disabled aria-haspopup="menu" aria-expanded={false}>
      Xuất bản đồ
    </button>
  </div>
);
export const ExportMenu = deferred(() => import('./export/ExportMenu.js').then((m) => m.ExportMenu), <ExportMenuPlaceholder />);
export const DeckPanel = deferred(() => import('./deck/DeckPanel.js').then((m) => m.DeckPanel));
export const Worklist = deferred(() => import('./panels/Worklist.js').then((m) => m.Worklist));
