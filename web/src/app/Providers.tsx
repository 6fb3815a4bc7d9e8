import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { appTheme } from './theme';
import { queryClient } from './queryClient';
import { router } from './router';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { antdLocaleOf } from '../i18n';

/** Theme, antd locale (follows the UI language), query cache and router. */
export function Providers() {
  const { i18n } = useTranslation();
  const locale = antdLocaleOf(i18n.language);
  return (
    <ConfigProvider theme={appTheme} locale={locale}>
      <AntApp>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
