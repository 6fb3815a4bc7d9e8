import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Typography, Upload, theme } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorValue, PutValueBody } from '@lantu/core';
import { isApiError } from '../../../api/client';
import { errorText } from '../../../api/useApiError';
import { usePlanError } from '../../plans/errors';
import { useSaveValue } from '../hooks';
import { evidenceUrl } from '../api';
import { useFormat } from '../format';
import { isComputed, projectFilterWords } from '../projectFilter';
import { testId } from '../../../ui/testId';

/** Which month to record; `period` null lets the user pick one. */
export interface ValueTarget {
  period: string | null;
}

interface Values {
  period: Dayjs;
  mode: 'value' | 'amounts';
  value?: string | null;
  currentAmount?: string | null;
  lastYearAmount?: string | null;
  note?: string | null;
}

const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv';
const dec = (v: string | null | undefined) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim());

interface Props {
  indicator: Indicator;
  /** Every stored value, kept fresh by the page: a conflict shows what someone else saved. */
  values: IndicatorValue[];
  target: ValueTarget | null;
  /** The zone's business date: months after it cannot be recorded yet. */
  asOfDate: string;
  onClose: () => void;
}

/**
 * office: record or correct one month's value (growth: the rate or both cumulative amounts), note and
 * evidence files. A computed indicator (formula, projects) has nothing to enter: the dialog says where its values come from.
 */
export function ValueModal(props: Props) {
  if (!props.target) return null;
  if (isComputed(props.indicator)) return <ComputedNotice indicator={props.indicator} onClose={props.onClose} />;
  return <ValuePanel key={props.target.period ?? 'new'} {...props} target={props.target} />;
}

function ComputedNotice({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const { t } = useTranslation();
  const text =
    indicator.source === 'projects'
      ? indicator.projectFilter
        ? t('indicators.projectFilter.computedHint', { words: projectFilterWords(t, indicator.projectFilter, indicator.kind) })
        : t('indicators.projectFilter.noFilter')
      : t('indicators.projectFilter.formulaComputedHint', { formula: indicator.formula ?? '' });
  return (
    <Modal open title={t('indicators.values.createTitle')} onCancel={onClose} footer={<Button type="primary" onClick={onClose} data-testid="value-computed-ok">{t('common.confirm')}</Button>} data-testid="value-modal">
      <Alert type="info" showIcon title={indicator.source === 'projects' ? t('indicators.values.projectsHint') : t('indicators.values.formulaHint')} description={text} data-testid="value-computed" />
    </Modal>
  );
}

function ValuePanel({ indicator, values, target, asOfDate, onClose }: Props & { target: ValueTarget }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const f = useFormat();
  const [form] = Form.useForm<Values>();
  const save = useSaveValue();
  const showError = usePlanError();
  const [files, setFiles] = useState<File[]>([]);
  const picked = Form.useWatch('period', form);
  const period = target.period ?? (picked ? picked.format('YYYY-MM') : null);
  const current = period ? values.find((v) => v.period === period) : undefined;
  // The version the user started from (none for a new month). After a conflict the user has seen
  // the latest value, and saving again deliberately replaces it.
  const [opened] = useState(current?.version);
  const [conflict, setConflict] = useState(false);
  const version = conflict ? current?.version : opened;
  const growth = indicator.kind === 'growth';
  const mode = Form.useWatch('mode', form) ?? 'value';
  const cur = Form.useWatch('currentAmount', form);
  const last = Form.useWatch('lastYearAmount', form);
  // display only: the server computes and stores the rate from the two decimal strings
  const preview = cur && last && Number(last) !== 0 ? (Number(cur) / Number(last) - 1) * 100 : null;

  const initial: Partial<Values> = {
    period: target.period ? dayjs(`${target.period}-01`) : undefined,
    mode: growth && current?.currentAmount ? 'amounts' : 'value',
    value: current?.value ?? null,
    currentAmount: current?.currentAmount ?? null,
    lastYearAmount: current?.lastYearAmount ?? null,
    note: current?.note ?? null,
  };

  const onFinish = (v: Values) => {
    const p = v.period.format('YYYY-MM');
    const body: PutValueBody = {
      ...(growth && v.mode === 'amounts' ? { currentAmount: dec(v.currentAmount), lastYearAmount: dec(v.lastYearAmount) } : { value: dec(v.value) }),
      note: v.note?.trim() ? v.note.trim() : null,
      ...(version !== undefined ? { version } : {}),
    };
    save.mutate(
      { indicatorId: indicator.id, period: p, body, files },
      {
        onSuccess: (res) => {
          void message.success(t('indicators.values.saved', { period: p }));
          for (const fail of res.failed) void message.warning(t('indicators.values.evidenceFailed', { name: fail.name, reason: errorText(t, fail.error) }));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'version_conflict') {
            setConflict(true);
            return;
          }
          showError(err, form);
        },
      },
    );
  };

  const valueLabel = indicator.kind === 'amount' ? t('indicators.values.flowLabel') : growth ? t('indicators.values.rateLabel') : t('indicators.values.levelLabel');
  return (
    <Modal
      open
      title={current ? t('indicators.values.editTitle', { period }) : t('indicators.values.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={testId('value-submit')}
      cancelButtonProps={testId('value-cancel')}
      width={560}
      destroyOnHidden
      data-testid="value-modal"
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: token.marginMD }}
          title={t('indicators.values.conflictTitle')}
          description={
            current
              ? t('indicators.values.conflictNow', { value: f.qty(current.value, indicator.unitOfMeasure), at: dayjs(current.updatedAt).format('YYYY-MM-DD HH:mm') })
              : t('indicators.values.conflictLoading')
          }
          data-testid="value-conflict"
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={initial}>
        <Form.Item name="period" label={t('indicators.values.period')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker
            picker="month"
            disabled={target.period !== null}
            disabledDate={(d) => {
              const p = d.format('YYYY-MM');
              return (d.year() !== indicator.year && d.year() !== indicator.year - 1) || p > asOfDate.slice(0, 7) || values.some((v) => v.period === p);
            }}
            style={{ width: '100%' }}
            data-testid="value-period"
          />
        </Form.Item>
        {growth && (
          <Form.Item name="mode" label={t('indicators.values.growthMode')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'value', label: t('indicators.values.modeRate') },
                { value: 'amounts', label: t('indicators.values.modeAmounts') },
              ]}
              data-testid="value-mode"
            />
          </Form.Item>
        )}
        {growth && mode === 'amounts' ? (
          <Flex gap={token.marginSM} wrap>
            <Form.Item name="currentAmount" label={t('indicators.values.currentAmount')} rules={[{ required: true, message: t('common.required') }, { pattern: DECIMAL, message: t('indicators.form.decimal') }]} style={{ flex: 1 }}>
              <InputNumber stringMode style={{ width: '100%' }} data-testid="value-current-amount" />
            </Form.Item>
            <Form.Item name="lastYearAmount" label={t('indicators.values.lastYearAmount')} rules={[{ required: true, message: t('common.required') }, { pattern: DECIMAL, message: t('indicators.form.decimal') }]} style={{ flex: 1 }}>
              <InputNumber stringMode style={{ width: '100%' }} data-testid="value-last-year-amount" />
            </Form.Item>
            {preview !== null && Number.isFinite(preview) && (
              <Typography.Text type="secondary" style={{ flexBasis: '100%', marginTop: -token.marginSM, marginBottom: token.marginSM }} data-testid="value-growth-preview">
                {t('indicators.values.growthPreview', { rate: f.qty(preview, '%') })}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Form.Item
            name="value"
            label={valueLabel}
            extra={t(`indicators.values.hint.${indicator.kind}`)}
            rules={[{ required: true, message: t('common.required') }, { pattern: DECIMAL, message: t('indicators.form.decimal') }]}
          >
            <InputNumber stringMode style={{ width: '100%' }} suffix={indicator.unitOfMeasure} data-testid="value-value" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('indicators.values.note')}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="value-note" />
        </Form.Item>
        <Form.Item label={t('indicators.values.evidence')} extra={t('indicators.values.evidenceHint')}>
          {current && current.evidence.length > 0 && (
            <Flex vertical style={{ marginBottom: token.marginXS }}>
              {current.evidence.map((e) => (
                <Typography.Link key={e.id} href={evidenceUrl(e.id)}>
                  <PaperClipOutlined /> {e.name}
                </Typography.Link>
              ))}
            </Flex>
          )}
          <Upload
            multiple
            accept={ACCEPT}
            beforeUpload={(file) => {
              setFiles((list) => [...list, file]);
              return false;
            }}
            onRemove={(file) => setFiles((list) => list.filter((x) => x.name !== file.name))}
            fileList={files.map((file, n) => ({ uid: `${n}-${file.name}`, name: file.name, status: 'done' as const }))}
          >
            <Button icon={<UploadOutlined />} data-testid="value-evidence">{t('indicators.values.addEvidence')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
