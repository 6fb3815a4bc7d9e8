import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES, type ProjectMapPoint } from '@lantu/core';
import { statusMapColor } from './markers';

/** What the colours and sizes mean, with the count of points per status. */
export function MapLegend({ points }: { points: ProjectMapPoint[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const dot = (color: string, size: number) => (
    <span style={{ display: 'inline-block', width: size, height: size, borderRadius: '50%', background: color, border: `1.5px solid ${token.colorBgContainer}`, boxShadow: `0 0 0 1px ${token.colorBorder}` }} />
  );
  return (
    <Flex gap={token.marginLG} wrap align="center" data-testid="map-legend">
      {PROJECT_STATUSES.map((s) => (
        <Flex key={s} gap={token.marginXS} align="center" data-testid={`map-legend-${s}`}>
          {dot(statusMapColor(token, s), 12)}
          <Typography.Text>{t(`projects.status.${s}`)}</Typography.Text>
          <Typography.Text type="secondary">{points.filter((p) => p.status === s).length}</Typography.Text>
        </Flex>
      ))}
      <Flex gap={token.marginXS} align="center">
        {dot(token.colorTextQuaternary, 8)}
        {dot(token.colorTextQuaternary, 14)}
        {dot(token.colorTextQuaternary, 22)}
        <Typography.Text type="secondary">{t('projects.map.sizeLegend')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
