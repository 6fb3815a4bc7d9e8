import { Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '@lantu/core';
import { RoleTag } from '../../../ui/RoleTag';
import { ItemList } from '../../../ui/ItemList';

/** Which unit the user belongs to, with which role. */
export function MembershipList({ memberships }: { memberships: MeResponse['memberships'] }) {
  const { t } = useTranslation();
  return (
    <ItemList
      testId="membership-list"
      items={memberships}
      rowKey={(m) => `${m.unitId}:${m.role}`}
      empty={t('home.noMemberships')}
      render={(m) => (
        <Typography.Text>
          <ApartmentOutlined /> {m.unitName}
        </Typography.Text>
      )}
      extra={(m) => <RoleTag role={m.role} />}
    />
  );
}
