import '@fontsource-variable/inter';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { api } from './api/apiClient';
import { initI18n } from './i18n/setupI18n';
import { useAppStore } from './store/appStore';
import { selectUiLanguage } from './store/preferencesSlice';

// The page's CSP forbids eval: tell zod not to probe for it (the probe would only log a CSP violation).
z.config({ jitless: true });

// Read the browser-mode token (and clean the address bar) before anything renders or calls the API.
api();
initI18n(selectUiLanguage(useAppStore.getState()));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
