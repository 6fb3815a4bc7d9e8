import { Button, Flex, Popconfirm, Typography, Upload, theme } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportLine } from '@lantu/core';
import { evidenceUrl } from '../api';
import { useDeleteEvidence, useUploadEvidence } from '../hooks';
import { useReportingError } from '../errors';
import { testId } from '../../../ui/testId';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv';

/** A line's evidence files: download links for everyone; upload and delete while the unit may edit. */
export function LineEvidence({ reportId, line, editable }: { reportId: string; line: ReportLine; editable: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const upload = useUploadEvidence(reportId);
  const remove = useDeleteEvidence(reportId);
  const showError = useReportingError();
  return (
    <Flex vertical gap={token.marginXXS} data-testid={`line-evidence-${line.id}`}>
      {line.evidence.map((e) => (
        <Flex key={e.id} gap={token.marginXXS} align="center">
          <Typography.Link href={evidenceUrl(e.id)} ellipsis style={{ maxWidth: 150 }} title={e.name} data-testid={`evidence-${e.id}`}>
            <PaperClipOutlined /> {e.name}
          </Typography.Link>
          {editable && (
            <Popconfirm
              title={t('reporting.evidenceDelete', { name: e.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, ...testId('evidence-delete-confirm') }}
              onConfirm={() => remove.mutate(e.id, { onError: (err) => showError(err) })}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid={`evidence-delete-${e.id}`} />
            </Popconfirm>
          )}
        </Flex>
      ))}
      {editable && (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate({ lineId: line.id, file }, { onError: (err) => showError(err) });
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid={`line-upload-${line.id}`}>
            {t('reporting.addEvidence')}
          </Button>
        </Upload>
      )}
      {!editable && line.evidence.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
    </Flex>
  );
}
