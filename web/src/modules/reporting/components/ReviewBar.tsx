import { useState } from 'react';
import { Affix, Alert, App, Button, Card, Flex, Input, Typography, theme } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@lantu/core';
import { useReturnReport } from '../hooks';
import { useReportingError } from '../errors';
import type { ReviewMarks } from './LineGroups';

interface Props {
  report: ReportDetail;
  marks: ReviewMarks;
  onDone: () => void;
  onCancel: () => void;
}

/** Review mode's bar: how many lines are marked, an overall comment, and the return itself. */
export function ReviewBar({ report, marks, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const back = useReturnReport();
  const showError = useReportingError();
  const marked = Object.entries(marks).filter(([, m]) => m.checked);
  const missing = marked.filter(([, m]) => !m.reason.trim()).length;

  const submit = () =>
    back.mutate(
      {
        id: report.id,
        body: { version: report.version, comment: comment.trim() || null, lines: marked.map(([lineId, m]) => ({ lineId, reason: m.reason.trim() })) },
      },
      {
        onSuccess: () => {
          void message.success(t('reporting.done.return'));
          onDone();
        },
        onError: (err) => showError(err),
      },
    );

  return (
    <Affix offsetTop={token.marginSM}>
      <Card size="small" data-testid="review-bar" style={{ borderColor: token.colorError }}>
        <Flex vertical gap={token.marginXS}>
          <Alert type="warning" showIcon title={t('reporting.reviewHint')} />
          <Flex gap={token.marginSM} align="center" wrap>
            <Typography.Text strong data-testid="review-count">{t('reporting.reviewCount', { count: marked.length })}</Typography.Text>
            {missing > 0 && <Typography.Text type="danger">{t('reporting.reviewMissingReason', { count: missing })}</Typography.Text>}
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('reporting.returnCommentPlaceholder')}
              style={{ flex: 1, minWidth: 240 }}
              data-testid="review-comment"
            />
            <Button onClick={onCancel} data-testid="review-cancel">{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger
              icon={<RollbackOutlined />}
              disabled={marked.length === 0 || missing > 0}
              loading={back.isPending}
              onClick={submit}
              data-testid="review-confirm"
            >
              {t('reporting.actions.confirmReturn')}
            </Button>
          </Flex>
        </Flex>
      </Card>
    </Affix>
  );
}
