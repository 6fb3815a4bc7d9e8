import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Popconfirm, Tag } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useDeleteProject, useLeaderOptions, useProject } from '../../modules/projects/hooks';
import { projectRights } from '../../modules/projects/access';
import { useProjectError } from '../../modules/projects/errors';
import { ProjectHeader } from '../../modules/projects/components/ProjectHeader';
import { StageActions } from '../../modules/projects/components/StageActions';
import { MilestoneTimeline } from '../../modules/projects/components/MilestoneTimeline';
import { ProgressCard } from '../../modules/projects/components/ProgressCard';
import { ProblemsCard } from '../../modules/projects/components/ProblemsCard';
import { ProjectFormDrawer, type ProjectFormTarget } from '../../modules/projects/components/ProjectFormDrawer';
import { LoadState } from '../../modules/plans/components/LoadState';
import { PageContainer } from '../../ui/PageContainer';
import { testId } from '../../ui/testId';

/** One key project: who and what, stage moves, milestones planned vs actual, investment, monthly progress, problems. */
export default function ProjectPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { projectId = '' } = useParams();
  const me = useCurrentUser();
  const project = useProject(projectId);
  const remove = useDeleteProject();
  const showError = useProjectError();
  const [form, setForm] = useState<ProjectFormTarget | null>(null);
  const p = project.data;
  const people = useLeaderOptions(form !== null);

  if (!p) {
    return <LoadState testId="page-project" error={project.error} onRetry={() => void project.refetch()} backTo="/projects" backLabel={t('projects.backToList')} />;
  }
  const rights = projectRights(me, p);
  const asOf = me.zone.asOfDate;
  const onDelete = () =>
    remove.mutate(p.id, {
      onSuccess: () => {
        void message.success(t('projects.deleted', { code: p.code }));
        void navigate('/projects', { replace: true });
      },
      onError: (err) => showError(err),
    });

  return (
    <PageContainer
      testId="page-project"
      breadcrumb={<Breadcrumb items={[{ title: <Link to="/projects">{t('projects.nav')}</Link> }, { title: p.code }]} />}
      title={
        <span data-testid="project-title">
          {p.name} <Tag style={{ verticalAlign: 'middle' }}>{p.code}</Tag>
        </span>
      }
      subtitle={t('projects.pageSubtitle', { date: asOf })}
      extra={
        <>
          <StageActions project={p} canAdvance={rights.report} canRevert={rights.manage} asOfDate={asOf} />
          {rights.manage && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'edit', project: p })} data-testid="project-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('projects.deleteConfirm', { name: p.name })}
                description={t('projects.deleteHint')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, ...testId('project-delete-confirm') }}
                onConfirm={onDelete}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="project-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </>
      }
    >
      <ProjectHeader project={p} />
      <Card title={t('projects.timeline.title')} size="small" data-testid="milestone-card">
        <MilestoneTimeline project={p} asOfDate={asOf} />
      </Card>
      <ProgressCard project={p} asOfDate={asOf} canWrite={rights.report} />
      <ProblemsCard project={p} canRaise={rights.report} />
      {rights.manage && <ProjectFormDrawer target={form} people={people} asOfYear={Number(asOf.slice(0, 4))} onClose={() => setForm(null)} />}
    </PageContainer>
  );
}
