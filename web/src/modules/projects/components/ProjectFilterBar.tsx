import { Button, Checkbox, Input, Select, Space } from 'antd';
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PROJECT_BATCHES, PROJECT_CATEGORIES, PROJECT_STAGES, PROJECT_STATUSES } from '@lantu/core';
import type { ProjectFilters } from '../api';
import { UnitTreeSelect } from '../../units/components/UnitTreeSelect';

interface Props {
  value: ProjectFilters;
  onChange: (next: ProjectFilters) => void;
  /** The business date's year: the year choices lie around it. */
  asOfYear: number;
}

/** Category, stage, batch, lead unit, status, year, overdue and text filters of the list and the map. */
export function ProjectFilterBar({ value, onChange, asOfYear }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ProjectFilters>) => onChange({ ...value, ...patch });
  const active = Object.values(value).some((v) => v !== undefined);
  const years = [asOfYear + 1, asOfYear, asOfYear - 1, asOfYear - 2, asOfYear - 3];
  return (
    <Space wrap data-testid="project-filters">
      <Select
        allowClear
        value={value.category}
        placeholder={t('projects.filters.category')}
        onChange={(category) => set({ category })}
        style={{ width: 130 }}
        options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`projects.category.${c}`) }))}
        data-testid="project-filter-category"
      />
      <Select
        allowClear
        value={value.stage}
        placeholder={t('projects.filters.stage')}
        onChange={(stage) => set({ stage })}
        style={{ width: 130 }}
        options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`projects.stage.${s}`) }))}
        data-testid="project-filter-stage"
      />
      <Select
        allowClear
        value={value.batch}
        placeholder={t('projects.filters.batch')}
        onChange={(batch) => set({ batch })}
        style={{ width: 130 }}
        options={PROJECT_BATCHES.map((b) => ({ value: b, label: t(`projects.batch.${b}`) }))}
        data-testid="project-filter-batch"
      />
      <UnitTreeSelect
        allowClear
        value={value.unitId}
        placeholder={t('projects.filters.unit')}
        onChange={(unitId) => set({ unitId: unitId || undefined })}
        style={{ width: 180 }}
        data-testid="project-filter-unit"
      />
      <Select
        allowClear
        value={value.status}
        placeholder={t('projects.filters.status')}
        onChange={(status) => set({ status })}
        style={{ width: 120 }}
        options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
        data-testid="project-filter-status"
      />
      <Select
        allowClear
        value={value.year}
        placeholder={t('projects.filters.year')}
        onChange={(year) => set({ year })}
        style={{ width: 110 }}
        options={years.map((y) => ({ value: y, label: t('projects.yearValue', { year: y }) }))}
        data-testid="project-filter-year"
      />
      <Checkbox checked={value.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })} data-testid="project-filter-overdue">
        {t('projects.filters.overdue')}
      </Checkbox>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        defaultValue={value.q}
        placeholder={t('projects.filters.search')}
        onPressEnter={(e) => set({ q: e.currentTarget.value.trim() || undefined })}
        onChange={(e) => {
          if (e.target.value === '' && value.q) set({ q: undefined });
        }}
        style={{ width: 220 }}
        aria-label={t('projects.filters.search')}
        data-testid="project-filter-search"
        key={value.q ?? 'empty'}
      />
      <Button icon={<ClearOutlined />} disabled={!active} onClick={() => onChange({})} data-testid="project-filter-reset">
        {t('common.resetFilters')}
      </Button>
    </Space>
  );
}
