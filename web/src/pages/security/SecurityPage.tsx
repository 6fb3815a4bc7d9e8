import { Alert, Card, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../modules/security/hooks';
import { PolicyForm } from '../../modules/security/components/PolicyForm';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';
import { BlockSpin } from '../../ui/FullPageSpin';

/** Security policy (secadmin): password composition, lockout and session lifetimes. */
export default function SecurityPage() {
  const { t } = useTranslation();
  const policy = usePolicy();
  const updatedAt = policy.data?.updatedAt;
  return (
    <PageContainer
      testId="page-security"
      title={t('security.title')}
      subtitle={
        updatedAt ? t('security.updatedAt', { at: dayjs(updatedAt).format('YYYY-MM-DD HH:mm') }) : t('security.neverUpdated')
      }
    >
      <Alert type="info" showIcon title={t('security.mlpsTitle')} description={t('security.mlpsHint')} />
      <Card>
        {policy.isPending && <BlockSpin />}
        {policy.error && <Typography.Text type="danger">{errorText(t, policy.error)}</Typography.Text>}
        {policy.data && <PolicyForm policy={policy.data} />}
      </Card>
    </PageContainer>
  );
}
