import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Project } from '@lantu/core';
import { errorText } from '../../../api/useApiError';
import { useCurrentUser } from '../../auth/hooks';
import { useProjectProblems } from '../hooks';
import { isStaffOf, problemRights } from '../access';
import { ProblemTable } from './ProblemTable';
import { ProblemActionModal, ProblemFormModal, type ProblemActionTarget, type ProblemFormTarget } from './ProblemModals';

interface Props {
  project: Project;
  /** Office or the lead unit's staff: may raise and edit problems. */
  canRaise: boolean;
}

/** The project's 问题清单 with raise, edit, resolve, close and reopen as the user's grants allow. */
export function ProblemsCard({ project, canRaise }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const problems = useProjectProblems(project.id);
  const [form, setForm] = useState<ProblemFormTarget | null>(null);
  const [action, setAction] = useState<ProblemActionTarget | null>(null);
  const leadStaff = isStaffOf(me, project.leadUnitId);
  return (
    <Card
      title={t('projects.problems.cardTitle', { count: problems.data?.items.filter((p) => p.state === 'open').length ?? 0 })}
      size="small"
      data-testid="problems-card"
      extra={
        canRaise && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', projectId: project.id })} data-testid="problem-create">
            {t('projects.problems.create')}
          </Button>
        )
      }
    >
      {problems.error ? (
        <Alert type="error" showIcon title={errorText(t, problems.error)} />
      ) : (
        <ProblemTable
          items={problems.data?.items ?? []}
          loading={problems.isPending}
          rightsOf={(p) => problemRights(me, p, leadStaff)}
          onEdit={(problem) => setForm({ mode: 'edit', problem })}
          onAction={(problem, a) => setAction({ problem, action: a })}
        />
      )}
      <ProblemFormModal target={form} onClose={() => setForm(null)} />
      <ProblemActionModal target={action} onClose={() => setAction(null)} />
    </Card>
  );
}
