import { Button, Input, Select, Space } from 'antd';
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@lantu/core';
import type { UserFilters, UserStatus } from '../api';
import { UnitTreeSelect } from '../../units/components/UnitTreeSelect';

interface Props {
  value: UserFilters;
  onChange: (next: UserFilters) => void;
}

/** Search, unit, role and status filters of the user list. */
export function UserFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<UserFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap data-testid="users-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        defaultValue={value.q}
        placeholder={t('users.searchPlaceholder')}
        onPressEnter={(e) => set({ q: e.currentTarget.value.trim() || undefined })}
        onChange={(e) => {
          if (e.target.value === '' && value.q) set({ q: undefined });
        }}
        style={{ width: 240 }}
        data-testid="users-search"
        aria-label={t('users.searchPlaceholder')}
        key={value.q === undefined ? 'empty' : 'q'}
      />
      <UnitTreeSelect
        allowClear
        value={value.unitId}
        placeholder={t('users.filterUnit')}
        onChange={(unitId) => set({ unitId: unitId || undefined })}
        style={{ width: 220 }}
        data-testid="users-filter-unit"
      />
      <Select<Role>
        allowClear
        value={value.role}
        placeholder={t('users.filterRole')}
        onChange={(role) => set({ role })}
        style={{ width: 160 }}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        data-testid="users-filter-role"
      />
      <Select<UserStatus>
        allowClear
        value={value.status}
        placeholder={t('users.filterStatus')}
        onChange={(status) => set({ status })}
        style={{ width: 140 }}
        options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
        data-testid="users-filter-status"
      />
      <Button icon={<ClearOutlined />} onClick={() => onChange({})} data-testid="users-filter-reset">
        {t('common.resetFilters')}
      </Button>
    </Space>
  );
}
