import { useState } from 'react';
import { Alert, Button, Card, Flex, theme } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuditEvents, useVerifyChain } from '../../modules/audit/hooks';
import { auditExportUrl, type AuditFilters } from '../../modules/audit/api';
import { AuditFilterBar } from '../../modules/audit/components/AuditFilterBar';
import { AuditTable } from '../../modules/audit/components/AuditTable';
import { VerifyChainButton, VerifyChainResult } from '../../modules/audit/components/VerifyChain';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** Audit trail (auditor): read, filter, export, verify the hash chain. Nothing here changes data. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const events = useAuditEvents({ ...filters, ...paging });
  const verify = useVerifyChain();

  return (
    <PageContainer
      testId="page-audit"
      title={t('audit.title')}
      subtitle={t('audit.subtitle')}
      extra={
        <>
          <VerifyChainButton verify={verify} />
          <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} data-testid="audit-export">
            {t('common.exportXlsx')}
          </Button>
        </>
      }
    >
      <VerifyChainResult verify={verify} />
      <Card>
        <Flex vertical gap={token.marginMD}>
          <AuditFilterBar
            value={filters}
            onChange={(next) => {
              setFilters(next);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
          {events.error && <Alert type="error" showIcon title={errorText(t, events.error)} />}
          <AuditTable
            items={events.data?.items ?? []}
            total={events.data?.total ?? 0}
            page={paging.page}
            pageSize={paging.pageSize}
            loading={events.isFetching}
            onPage={(page, pageSize) => setPaging({ page, pageSize })}
          />
        </Flex>
      </Card>
    </PageContainer>
  );
}
