import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { useVerifyChain } from '../hooks';
import { errorText } from '../../../api/useApiError';

/** Button: recompute the hash chain. */
export function VerifyChainButton({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  const { t } = useTranslation();
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
      {t('audit.verify.button')}
    </Button>
  );
}

/** The verdict of the last verification: intact (how many checked) or broken (where). */
export function VerifyChainResult({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  const { t } = useTranslation();
  if (verify.error) return <Alert type="error" showIcon title={errorText(t, verify.error)} data-testid="audit-verify-result" />;
  const result = verify.data;
  if (!result) return null;
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      closable={{ onClose: () => verify.reset() }}
      title={t('audit.verify.ok', { count: result.checked })}
      data-testid="audit-verify-result"
      data-ok="true"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      closable={{ onClose: () => verify.reset() }}
      title={t('audit.verify.broken')}
      description={t('audit.verify.brokenAt', { id: result.brokenId ?? '?', count: result.checked })}
      data-testid="audit-verify-result"
      data-ok="false"
    />
  );
}
