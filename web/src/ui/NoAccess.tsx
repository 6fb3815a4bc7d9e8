import { Button } from 'antd';
import { LazyResult } from './LazyResult';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function NoAccess() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <LazyResult
      data-testid="page-forbidden"
      status="403"
      title={t('common.forbidden.title')}
      subTitle={t('common.forbidden.hint')}
      extra={
        <Button type="primary" data-testid="forbidden-home" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
