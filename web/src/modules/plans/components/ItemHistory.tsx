import { useState } from 'react';
import { Alert, Button, Empty, Flex, Skeleton, Timeline, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../api/useApiError';
import { useItemHistory } from '../hooks';
import { describeEvent, type NameOf } from '../history';

const PAGE = 10;
/** A creation lists every field; the timeline shows the first few. */
const MAX_LINES = 6;

const COLOR: Record<string, string> = {
  'plan_item.create': 'green',
  'indicator.create': 'green',
  'plan_item.delete': 'red',
  'indicator.delete': 'red',
  'indicator_value.delete': 'red',
};

/** The audit trail of an item, its indicators and their values: who, when, what, before → after. */
export function ItemHistory({ itemId, nameOf }: { itemId: string; nameOf: NameOf }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [pages, setPages] = useState(1);
  const history = useItemHistory(itemId, 1, Math.min(200, PAGE * pages));

  if (history.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (history.error) return <Alert type="error" showIcon title={errorText(t, history.error)} data-testid="item-history-error" />;
  const { items, total } = history.data;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.history.none')} data-testid="item-history" />;

  return (
    <Flex vertical data-testid="item-history">
      <Timeline
        items={items.map((e) => {
          const view = describeEvent(t, e, nameOf);
          const extra = view.lines.length - MAX_LINES;
          return {
            key: e.id,
            color: e.result === 'failure' ? 'red' : (COLOR[e.action] ?? 'blue'),
            content: (
              <div data-testid={`history-${e.id}`}>
                <Typography.Text strong>{view.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM, marginInlineStart: token.marginXS }}>
                  {e.username ?? t('plans.history.system')} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
                {view.lines.slice(0, MAX_LINES).map((line, n) => (
                  <Typography.Paragraph key={n} type="secondary" style={{ margin: 0, fontSize: token.fontSizeSM }} ellipsis={{ rows: 2, tooltip: line }}>
                    {line}
                  </Typography.Paragraph>
                ))}
                {extra > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                    {t('plans.history.more', { count: extra })}
                  </Typography.Text>
                )}
              </div>
            ),
          };
        })}
      />
      {items.length < total && (
        <Button type="link" onClick={() => setPages((p) => p + 1)} loading={history.isFetching} data-testid="item-history-more">
          {t('plans.history.loadMore', { shown: items.length, total })}
        </Button>
      )}
    </Flex>
  );
}
