import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Select, theme } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATES, type DeliveryState } from '@lantu/core';
import { useChannels, useDeliveries } from '../../modules/notifications/hooks';
import { ChannelsTable } from '../../modules/notifications/components/ChannelsTable';
import { ChannelDrawer, type ChannelFormTarget } from '../../modules/notifications/components/ChannelDrawer';
import { DeliveriesTable } from '../../modules/notifications/components/DeliveriesTable';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** 通知渠道: the zone's robots and e-mail, and the outbox of every send below (failed first). */
export default function ChannelsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { hash } = useLocation();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = (DELIVERY_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as DeliveryState) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const channels = useChannels();
  const deliveries = useDeliveries(page, pageSize, state);
  const [form, setForm] = useState<ChannelFormTarget | null>(null);
  const setList = (next: { state?: DeliveryState | undefined; page?: number; pageSize?: number }) => {
    const p = new URLSearchParams();
    const s = 'state' in next ? next.state : state;
    if (s) p.set('state', s);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    if ((next.pageSize ?? pageSize) !== 20) p.set('pageSize', String(next.pageSize ?? pageSize));
    setParams(p, { replace: true });
  };
  // a failed-delivery notification leads to the outbox
  useEffect(() => {
    if (hash === '#deliveries') document.getElementById('deliveries')?.scrollIntoView({ block: 'start' });
  }, [hash, deliveries.data]);

  return (
    <PageContainer
      testId="page-channels"
      title={t('notifications.channels.title')}
      subtitle={t('notifications.channels.subtitle')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="channel-create">{t('notifications.channels.create')}</Button>}
    >
      <Card title={t('notifications.channels.listTitle')}>
        {channels.error && <Alert type="error" showIcon title={errorText(t, channels.error)} />}
        <ChannelsTable channels={channels.data?.items ?? []} loading={channels.isFetching} onEdit={(channel) => setForm({ mode: 'edit', channel })} />
      </Card>
      <Card
        id="deliveries"
        title={t('notifications.deliveries.title')}
        extra={
          <Flex gap={token.marginXS} align="center">
            <Select<DeliveryState>
              allowClear
              style={{ minWidth: 140 }}
              placeholder={t('notifications.deliveries.allStates')}
              value={state}
              onChange={(s) => setList({ state: s, page: 1 })}
              options={DELIVERY_STATES.map((s) => ({ value: s, label: t(`notifications.deliveryState.${s}`) }))}
              data-testid="deliveries-state-filter"
            />
          </Flex>
        }
      >
        {deliveries.error && <Alert type="error" showIcon title={errorText(t, deliveries.error)} />}
        <DeliveriesTable
          deliveries={deliveries.data?.items ?? []}
          total={deliveries.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={deliveries.isFetching}
          onPage={(p, size) => setList({ page: p, pageSize: size })}
        />
      </Card>
      <ChannelDrawer target={form} onClose={() => setForm(null)} />
    </PageContainer>
  );
}
