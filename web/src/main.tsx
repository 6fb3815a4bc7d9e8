import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { Providers } from './app/Providers';
import { router } from './app/router';
import { queryClient } from './app/queryClient';
import { warmUpRoutes } from './app/warmup';

warmUpRoutes(router, queryClient);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers />
    </StrictMode>,
  );
}
