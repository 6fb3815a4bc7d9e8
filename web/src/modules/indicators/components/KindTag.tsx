import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorKind } from '@lantu/core';

const COLOR: Record<IndicatorKind, string> = { amount: 'blue', level: 'purple', growth: 'cyan', limit: 'magenta', change: 'geekblue' };

/** 总量 / 水平 / 增速 / 限值 / 增减, with what the kind means on hover. */
export function KindTag({ kind }: { kind: IndicatorKind }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`indicators.kindHelp.${kind}`)}>
      <Tag color={COLOR[kind]} data-testid={`kind-${kind}`} style={{ marginInlineEnd: 0 }}>
        {t(`indicators.kind.${kind}`)}
      </Tag>
    </Tooltip>
  );
}
