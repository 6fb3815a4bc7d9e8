import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const PRIVILEGED = new Set(['sysadmin', 'secadmin', 'auditor']);

/** A role name, translated; the three privileged roles stand out. */
export function RoleTag({ role }: { role: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIVILEGED.has(role) ? 'purple' : 'blue'} data-testid={`role-${role}`}>
      {t(`roles.${role}`, { defaultValue: role })}
    </Tag>
  );
}
