import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
// The UI font ships with the app (Latin + Vietnamese subsets): no font from the internet, same look everywhere.
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-600.css';
import '@fontsource/noto-sans/latin-600.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles.css';
// Styles of the panels that load on demand (client/lazyPanels.tsx) stay in the first stylesheet: some of their
// rules style the page around them (the plan toggle, the presentation's buttons).
import './panels/worklist.css';
import './deck/deck.css';

// The admin pages are a separate script: the map never loads them.
const AdminApp = lazy(() => import('./admin/AdminApp.js').then((m) => ({ default: m.AdminApp })));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/^\/quan-tri(\/|$)/.test(window.location.pathname) ? (
      <Suspense fallback={null}>
        <AdminApp />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
