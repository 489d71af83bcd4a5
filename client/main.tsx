import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { AdminApp } from './admin/AdminApp.js';
// The UI font ships with the app (Latin + Vietnamese subsets): no font from the internet, same look everywhere.
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-600.css';
import '@fontsource/noto-sans/latin-600.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/^\/quan-tri(\/|$)/.test(window.location.pathname) ? <AdminApp /> : <App />}
  </StrictMode>,
);
