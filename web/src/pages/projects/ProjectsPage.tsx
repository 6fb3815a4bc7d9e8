import { useState } from 'react';
import { Alert, Button, Card, Dropdown, Flex, Typography, theme } from 'antd';
import { DownloadOutlined, EnvironmentOutlined, FileExcelOutlined, IssuesCloseOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useAllProjects, useLeaderOptions, useProjects } from '../../modules/projects/hooks';
import { exportUrl, templateUrl, type ImportKind } from '../../modules/projects/api';
import { filterSearch, useProjectQueryInUrl } from '../../modules/projects/filters';
import { isOffice, staffUnits } from '../../modules/projects/access';
import { ProjectFilterBar } from '../../modules/projects/components/ProjectFilterBar';
import { ProjectSummary } from '../../modules/projects/components/ProjectSummary';
import { ProjectTable } from '../../modules/projects/components/ProjectTable';
import { ProjectFormDrawer, type ProjectFormTarget } from '../../modules/projects/components/ProjectFormDrawer';
import { ProjectImportModal } from '../../modules/projects/components/ProjectImportModal';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** 重点项目: the filtered registry with its totals; export, import and registration for those who may. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const office = isOffice(me);
  const importKinds: ImportKind[] = office ? ['projects', 'progress'] : staffUnits(me).length > 0 ? ['progress'] : [];
  const { filters, paging, setFilters, setPaging } = useProjectQueryInUrl();
  const filtered = Object.keys(filters).length > 0;
  const list = useProjects(filters, paging);
  const all = useAllProjects(filters);
  const [form, setForm] = useState<ProjectFormTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const asOfYear = Number(me.zone.asOfDate.slice(0, 4));
  const people = useLeaderOptions(office && form !== null);

  return (
    <PageContainer
      testId="page-projects"
      title={t('projects.listTitle')}
      subtitle={t('projects.listSubtitle', { date: me.zone.asOfDate })}
      extra={
        <>
          <Link to={`/projects/map${filterSearch(filters)}`}>
            <Button icon={<EnvironmentOutlined />} data-testid="projects-to-map">{t('projects.map.title')}</Button>
          </Link>
          <Link to="/projects/problems">
            <Button icon={<IssuesCloseOutlined />} data-testid="projects-to-problems">{t('projects.problems.title')}</Button>
          </Link>
          <Button icon={<DownloadOutlined />} href={exportUrl(filters)} data-testid="projects-export">
            {t('common.exportXlsx')}
          </Button>
          {importKinds.length > 0 && (
            <>
              <Dropdown
                trigger={['click']}
                menu={{ items: importKinds.map((k) => ({ key: k, label: <a href={templateUrl(k)} data-testid={`projects-template-${k}`}>{t(`projects.import.kind.${k}`)}</a> })) }}
              >
                <Button icon={<FileExcelOutlined />} data-testid="projects-template">{t('projects.import.templateButton')}</Button>
              </Dropdown>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="projects-import">
                {t('projects.import.button')}
              </Button>
            </>
          )}
          {office && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="project-create">
              {t('projects.create')}
            </Button>
          )}
        </>
      }
    >
      <ProjectSummary projects={all.data} filtered={filtered} activeStatus={filters.status} onStatus={(status) => setFilters({ ...filters, status })} />
      <Card>
        <Flex vertical gap={token.marginMD}>
          <Flex justify="space-between" align="center" wrap gap={token.marginSM}>
            <ProjectFilterBar value={filters} onChange={setFilters} asOfYear={asOfYear} />
            {filtered && list.data && (
              <Typography.Text type="secondary" data-testid="project-match-count">
                {t('projects.matches', { count: list.data.total })}
              </Typography.Text>
            )}
          </Flex>
          {list.error && <Alert type="error" showIcon title={errorText(t, list.error)} data-testid="projects-error" />}
          <ProjectTable items={list.data?.items ?? []} total={list.data?.total ?? 0} loading={list.isFetching} paging={paging} onPaging={setPaging} />
        </Flex>
      </Card>
      {office && <ProjectFormDrawer target={form} people={people} asOfYear={asOfYear} onClose={() => setForm(null)} onSaved={(p) => void navigate(`/projects/${p.id}`)} />}
      <ProjectImportModal open={importing} kinds={importKinds} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}
