import { AutoComplete, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../api';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, useAuditLabels } from '../labels';

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  objectType?: string;
  result?: 'success' | 'failure';
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** Date range, user, action, object type and result; applied on submit. */
export function AuditFilterBar({ value, onChange }: { value: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const labels = useAuditLabels();

  const initial: Values = {
    range: value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null,
    username: value.username,
    action: value.action,
    objectType: value.objectType,
    result: value.result,
  };
  const onFinish = (v: Values) =>
    onChange({
      from: day(v.range?.[0]),
      to: day(v.range?.[1]),
      username: text(v.username),
      action: v.action || undefined,
      objectType: text(v.objectType),
      result: v.result || undefined,
    });

  return (
    <Form<Values> form={form} layout="inline" initialValues={initial} onFinish={onFinish} data-testid="audit-filters">
      <Space wrap>
        <Form.Item name="range" noStyle>
          <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-range" />
        </Form.Item>
        <Form.Item name="username" noStyle>
          <Input allowClear placeholder={t('audit.filterUser')} style={{ width: 150 }} data-testid="audit-filter-username" />
        </Form.Item>
        <Form.Item name="action" noStyle>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filterAction')}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: labels.action(a) }))}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="objectType" noStyle>
          <AutoComplete
            allowClear
            placeholder={t('audit.filterObjectType')}
            style={{ width: 160 }}
            options={AUDIT_OBJECT_TYPES.map((o) => ({ value: o, label: `${labels.objectType(o)} (${o})` }))}
            data-testid="audit-filter-object-type"
          />
        </Form.Item>
        <Form.Item name="result" noStyle>
          <Select
            allowClear
            placeholder={t('audit.filterResult')}
            style={{ width: 120 }}
            options={(['success', 'failure'] as const).map((r) => ({ value: r, label: t(`audit.result.${r}`) }))}
            data-testid="audit-filter-result"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-filter-apply">
          {t('common.search')}
        </Button>
        <Button
          icon={<ClearOutlined />}
          onClick={() => {
            form.setFieldsValue({ range: null, username: undefined, action: undefined, objectType: undefined, result: undefined });
            onChange({});
          }}
          data-testid="audit-filter-reset"
        >
          {t('common.resetFilters')}
        </Button>
      </Space>
    </Form>
  );
}
