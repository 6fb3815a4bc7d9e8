import { Button, Input, Select, Space } from 'antd';
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { STATUSES, type PlanItem, type Status } from '@lantu/core';
import type { ItemFilters } from '../api';
import { UnitTreeSelect } from '../../units/components/UnitTreeSelect';

interface Props {
  value: ItemFilters;
  onChange: (next: ItemFilters) => void;
  /** The top-level items (聚焦 areas) to focus on. */
  focusAreas: PlanItem[];
  focusLabel: string;
}

/** Focus area, unit, status and text filters of the plan tree. */
export function ItemFilterBar({ value, onChange, focusAreas, focusLabel }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ItemFilters>) => onChange({ ...value, ...patch });
  const active = Boolean(value.focusId ?? value.unitId ?? value.status ?? value.q);
  return (
    <Space wrap data-testid="item-filters">
      <Select<string>
        allowClear
        value={value.focusId}
        placeholder={t('plans.filters.focus', { level: focusLabel })}
        onChange={(focusId) => set({ focusId })}
        style={{ width: 240 }}
        popupMatchSelectWidth={false}
        options={focusAreas.map((i) => ({ value: i.id, label: `${i.code} ${i.title}` }))}
        data-testid="item-filter-focus"
      />
      <UnitTreeSelect
        allowClear
        value={value.unitId}
        placeholder={t('plans.filters.unit')}
        onChange={(unitId) => set({ unitId: unitId || undefined })}
        style={{ width: 200 }}
        data-testid="item-filter-unit"
      />
      <Select<Status>
        allowClear
        value={value.status}
        placeholder={t('plans.filters.status')}
        onChange={(status) => set({ status })}
        style={{ width: 130 }}
        options={STATUSES.map((s) => ({ value: s, label: t(`plans.status.${s}`) }))}
        data-testid="item-filter-status"
      />
      <Input
        allowClear
        prefix={<SearchOutlined />}
        defaultValue={value.q}
        placeholder={t('plans.filters.search')}
        onPressEnter={(e) => set({ q: e.currentTarget.value.trim() || undefined })}
        onChange={(e) => {
          if (e.target.value === '' && value.q) set({ q: undefined });
        }}
        style={{ width: 220 }}
        aria-label={t('plans.filters.search')}
        data-testid="item-filter-search"
        key={value.q ?? 'empty'}
      />
      <Button icon={<ClearOutlined />} disabled={!active} onClick={() => onChange({})} data-testid="item-filter-reset">
        {t('common.resetFilters')}
      </Button>
    </Space>
  );
}
