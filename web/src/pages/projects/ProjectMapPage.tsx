import { Alert, Breadcrumb, Button, Card, Empty, Flex, Spin, Typography, theme } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useProjectMap } from '../../modules/projects/hooks';
import { filterSearch, filtersFrom } from '../../modules/projects/filters';
import type { ProjectFilters } from '../../modules/projects/api';
import { ProjectFilterBar } from '../../modules/projects/components/ProjectFilterBar';
import { ProjectMap } from '../../modules/projects/map/ProjectMap';
import { MapLegend } from '../../modules/projects/map/MapLegend';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

const MAP_HEIGHT = 600;

/** Every located project of the filtered registry on a map; how many could not be placed. */
export default function ProjectMapPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const setFilters = (next: ProjectFilters) => setParams(new URLSearchParams(filterSearch(next)), { replace: true });
  const map = useProjectMap(filters);
  const data = map.data;

  return (
    <PageContainer
      testId="page-project-map"
      breadcrumb={<Breadcrumb items={[{ title: <Link to="/projects">{t('projects.nav')}</Link> }, { title: t('projects.map.title') }]} />}
      title={t('projects.map.title')}
      subtitle={t('projects.map.subtitle')}
      extra={
        <Link to={`/projects${filterSearch(filters)}`}>
          <Button icon={<UnorderedListOutlined />} data-testid="map-to-list">{t('projects.map.toList')}</Button>
        </Link>
      }
    >
      <Card size="small">
        <ProjectFilterBar value={filters} onChange={setFilters} asOfYear={Number(me.zone.asOfDate.slice(0, 4))} />
      </Card>
      {map.error && <Alert type="error" showIcon title={errorText(t, map.error)} data-testid="map-error" />}
      <Card size="small" styles={{ body: { padding: token.paddingSM } }}>
        <Flex vertical gap={token.marginSM}>
          <Flex justify="space-between" align="center" wrap gap={token.marginSM}>
            <MapLegend points={data?.items ?? []} />
            {data && (
              <Typography.Text type="secondary" data-testid="map-counts">
                {t('projects.map.counts', { shown: data.items.length, total: data.items.length + data.unlocated })}
                {data.unlocated > 0 && <> · <span data-testid="map-unlocated">{t('projects.map.unlocated', { count: data.unlocated })}</span></>}
              </Typography.Text>
            )}
          </Flex>
          <Spin spinning={map.isFetching}>
            <div style={{ position: 'relative' }}>
              <ProjectMap points={data?.items ?? []} tileUrl={data?.tileUrl ?? null} onOpen={(id) => void navigate(`/projects/${id}`)} height={MAP_HEIGHT} />
              {data && data.items.length === 0 && (
                <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0, zIndex: 1000, pointerEvents: 'none' }}>
                  <Card size="small"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.map.empty')} data-testid="map-empty" /></Card>
                </Flex>
              )}
            </div>
          </Spin>
          {data && !data.tileUrl && (
            <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }} data-testid="map-offline-note">
              {t('projects.map.offline')}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    </PageContainer>
  );
}
