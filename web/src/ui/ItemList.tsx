import type { Key, ReactNode } from 'react';
import { Empty, Flex, theme } from 'antd';

interface Props<T> {
  items: readonly T[];
  rowKey: (item: T) => Key;
  /** Main content of a row. */
  render: (item: T) => ReactNode;
  /** Right-hand side of a row (tags, actions). */
  extra?: (item: T) => ReactNode;
  empty: ReactNode;
  bordered?: boolean;
  testId?: string;
}

/** A short list of rows with dividers (antd's List is deprecated in v6). */
export function ItemList<T>({ items, rowKey, render, extra, empty, bordered = false, testId }: Props<T>) {
  const { token } = theme.useToken();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={testId} />;
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`;
  return (
    <div
      data-testid={testId}
      style={bordered ? { border: `${token.lineWidth}px ${token.lineType} ${token.colorBorder}`, borderRadius: token.borderRadiusLG } : undefined}
    >
      {items.map((item, i) => (
        <Flex
          key={rowKey(item)}
          justify="space-between"
          align="center"
          gap={token.marginSM}
          style={{
            padding: `${token.paddingSM}px ${bordered ? token.padding : token.paddingXS}px`,
            borderTop: i === 0 ? undefined : line,
          }}
        >
          <div style={{ minWidth: 0 }}>{render(item)}</div>
          {extra && <Flex gap={token.marginXS} align="center">{extra(item)}</Flex>}
        </Flex>
      ))}
    </div>
  );
}
