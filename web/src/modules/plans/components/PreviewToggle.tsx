import { Alert, Flex, Switch, Tooltip, Typography, theme } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { previewFromSearch, type ItemPreview } from '../api';

/** The plan page's "including submitted" preview, kept in the URL (`?preview=submitted`). */
export function usePreviewInUrl(): [ItemPreview | undefined, (on: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const preview = previewFromSearch(params);
  const set = (on: boolean) => {
    const p = new URLSearchParams(params);
    if (on) p.set('preview', 'submitted');
    else p.delete('preview');
    setParams(p, { replace: true });
  };
  return [preview, set];
}

/** 含已提交: statuses as if the reports on their way to the office were accepted. */
export function PreviewToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Tooltip title={t('reporting.preview.hint')}>
      <Flex gap={token.marginXS} align="center">
        <Switch size="small" checked={on} onChange={onChange} data-testid="plan-preview-toggle" />
        <Typography.Text>{t('reporting.preview.toggle')}</Typography.Text>
      </Flex>
    </Tooltip>
  );
}

/** Says plainly that what the tree shows is a preview, not the accepted record. */
export function PreviewBanner() {
  const { t } = useTranslation();
  return <Alert type="warning" showIcon icon={<EyeOutlined />} title={t('reporting.preview.banner')} data-testid="plan-preview-banner" />;
}
