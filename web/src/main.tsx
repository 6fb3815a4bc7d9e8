import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { Providers } from './app/Providers';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers />
    </StrictMode>,
  );
}
