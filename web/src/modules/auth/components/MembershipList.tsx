import { Empty, List, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '@lantu/core';
import { RoleTag } from '../../../ui/RoleTag';

/** Which unit the user belongs to, with which role. */
export function MembershipList({ memberships }: { memberships: MeResponse['memberships'] }) {
  const { t } = useTranslation();
  if (memberships.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noMemberships')} />;
  }
  return (
    <List
      data-testid="membership-list"
      size="small"
      dataSource={memberships}
      rowKey={(m) => `${m.unitId}:${m.role}`}
      renderItem={(m) => (
        <List.Item extra={<RoleTag role={m.role} />}>
          <Typography.Text>
            <ApartmentOutlined /> {m.unitName}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
