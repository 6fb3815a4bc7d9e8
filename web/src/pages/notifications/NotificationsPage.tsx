import { Alert, Button, Card, Empty, Flex, Pagination, Segmented, Spin, theme } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useNotifications, useUnreadCount } from '../../modules/notifications/hooks';
import { NotificationItem } from '../../modules/notifications/components/NotificationItem';
import { useOpenNotification } from '../../modules/notifications/components/NotificationBell';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** Every notification of the user, newest first, paged; all or only the unread (in the URL). */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const list = useNotifications(page, pageSize, unreadOnly);
  const unread = useUnreadCount(true);
  const readAll = useMarkAllRead();
  const open = useOpenNotification();
  const set = (next: { unread?: boolean; page?: number; pageSize?: number }) => {
    const p = new URLSearchParams();
    if (next.unread ?? unreadOnly) p.set('unread', 'true');
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    if ((next.pageSize ?? pageSize) !== 20) p.set('pageSize', String(next.pageSize ?? pageSize));
    setParams(p, { replace: true });
  };
  const items = list.data?.items ?? [];

  return (
    <PageContainer
      testId="page-notifications"
      title={t('notifications.title')}
      extra={
        <Button disabled={(unread.data?.unread ?? 0) === 0} loading={readAll.isPending} onClick={() => readAll.mutate()} data-testid="notifications-read-all">
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Card>
        <Flex vertical gap={token.marginMD}>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => set({ unread: v === 'unread', page: 1 })}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadOnly', { count: unread.data?.unread ?? 0 }) },
            ]}
            data-testid="notifications-filter"
          />
          {list.error && <Alert type="error" showIcon title={errorText(t, list.error)} />}
          <Spin spinning={list.isFetching}>
            <Flex vertical data-testid="notifications-page-list">
              {items.length === 0 && !list.isPending ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')} />
              ) : (
                items.map((n) => <NotificationItem key={n.id} n={n} onOpen={open} />)
              )}
            </Flex>
          </Spin>
          <Pagination
            align="end"
            current={page}
            pageSize={pageSize}
            total={list.data?.total ?? 0}
            showSizeChanger
            showTotal={(n) => t('common.total', { count: n })}
            onChange={(p, size) => set({ page: p, pageSize: size })}
          />
        </Flex>
      </Card>
    </PageContainer>
  );
}
