import { Button, Skeleton } from 'antd';
import { LazyResult } from '../../../ui/LazyResult';
import { Panel } from '../../../ui/Panel';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorText } from '../../../api/useApiError';

interface Props {
  /** The page root's test id: the page is there, in its loading or failed state. */
  testId: string;
  error: unknown;
  onRetry: () => void;
  /** Where "back" leads when the record does not exist (or is not visible). */
  backTo: string;
  backLabel: string;
}

/** A page whose main record is loading or failed: skeleton, 404 with a way back, or the error with retry. */
export function LoadState({ testId, error, onRetry, backTo, backLabel }: Props) {
  const { t } = useTranslation();
  if (!error) {
    return (
      <Panel data-testid={testId} data-state="loading" aria-busy>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Panel>
    );
  }
  const missing = isApiError(error) && error.code === 'not_found';
  return (
    <LazyResult
      data-testid={testId}
      data-state={missing ? 'missing' : 'error'}
      status={missing ? '404' : 'error'}
      title={missing ? t('plans.notFound') : t('plans.loadFailed')}
      subTitle={missing ? t('plans.notFoundHint') : errorText(t, error)}
      extra={[
        <Link key="back" to={backTo} data-testid="load-back">
          <Button>{backLabel}</Button>
        </Link>,
        ...(missing
          ? []
          : [
              <Button key="retry" type="primary" icon={<ReloadOutlined />} onClick={onRetry} data-testid="load-retry">
                {t('common.retry')}
              </Button>,
            ]),
      ]}
    />
  );
}
