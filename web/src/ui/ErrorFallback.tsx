import { Button } from 'antd';
import { LazyResult } from './LazyResult';
import { useTranslation } from 'react-i18next';

/** True for "a lazy chunk could not be fetched" (usually a new release was deployed). */
function isChunkError(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(text);
}

export function ErrorFallback({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const chunk = isChunkError(error);
  return (
    <LazyResult
      data-testid="page-error"
      status={chunk ? 'warning' : 'error'}
      title={chunk ? t('common.error.chunkTitle') : t('common.error.title')}
      subTitle={chunk ? t('common.error.chunkHint') : t('common.error.hint')}
      extra={
        <Button type="primary" data-testid="error-reload" onClick={() => window.location.reload()}>
          {t('common.error.reload')}
        </Button>
      }
    />
  );
}
