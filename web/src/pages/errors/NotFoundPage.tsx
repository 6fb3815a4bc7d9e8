import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      data-testid="page-not-found"
      status="404"
      title={t('common.notFound.title')}
      subTitle={t('common.notFound.hint')}
      extra={
        <Button type="primary" data-testid="not-found-home" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
