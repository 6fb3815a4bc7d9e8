import { useMemo } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type Unit, type UnitKind } from '@lantu/core';
import { useCreateUnit, useUnits, useUpdateUnit } from '../hooks';
import { descendantIds } from '../tree';
import { UnitTreeSelect } from './UnitTreeSelect';
import { isApiError } from '../../../api/client';
import { useApiError } from '../../../api/useApiError';
import { testId } from '../../../ui/testId';

/** What the modal edits: a new unit under `parentId`, or an existing unit. */
export type UnitFormTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unit: Unit };

interface Values {
  parentId: string | null;
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  sort: number;
}

interface Props {
  target: UnitFormTarget | null;
  onClose: () => void;
}

/** Create or edit a unit. Each opening gets a fresh form, so no values leak between openings. */
export function UnitFormModal(props: Props) {
  const { target } = props;
  const key = !target ? 'closed' : target.mode === 'edit' ? `edit:${target.unit.id}` : `create:${target.parentId ?? 'root'}`;
  return <UnitFormDialog key={key} {...props} />;
}

function UnitFormDialog({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const showError = useApiError();
  const { data } = useUnits();

  const initialValues = useMemo<Partial<Values>>(() => {
    if (target?.mode === 'edit') {
      const u = target.unit;
      return { parentId: u.parentId, code: u.code, name: u.name, shortName: u.shortName ?? undefined, kind: u.kind, sort: u.sort };
    }
    return { parentId: target?.parentId ?? null, kind: target?.parentId ? 'section' : 'committee', sort: 0 };
  }, [target]);

  const exclude = useMemo(
    () => (target?.mode === 'edit' && data ? descendantIds(data.items, target.unit.id) : undefined),
    [target, data],
  );

  const onError = (err: unknown) => {
    showError(err, { form });
    if (isApiError(err) && err.code === 'version_conflict') onClose();
  };
  const onFinish = (v: Values) => {
    const shortName = v.shortName?.trim() ? v.shortName.trim() : null;
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (target?.mode === 'edit') {
      const body = { version: target.unit.version, parentId: v.parentId ?? null, code: v.code, name: v.name, shortName, kind: v.kind, sort: v.sort };
      update.mutate({ id: target.unit.id, body }, { onSuccess: done, onError });
    } else {
      create.mutate({ parentId: v.parentId ?? null, code: v.code, name: v.name, shortName, kind: v.kind, sort: v.sort }, { onSuccess: done, onError });
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'edit' ? t('units.editTitle') : t('units.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={testId('unit-form-submit')}
      cancelButtonProps={testId('unit-form-cancel')}
      data-testid="unit-form"
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} preserve={false} initialValues={initialValues}>
        <Form.Item name="parentId" label={t('fields.parentId')}>
          <UnitTreeSelect allowClear exclude={exclude} placeholder={t('units.noParent')} data-testid="unit-parent" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('fields.code')}
          extra={t('units.codeHint')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,32}$/, message: t('units.codeInvalid') }]}
        >
          <Input maxLength={32} data-testid="unit-code" />
        </Form.Item>
        <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('fields.shortName')}>
          <Input maxLength={30} data-testid="unit-short-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select data-testid="unit-kind" options={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="sort" label={t('fields.sort')} extra={t('units.sortHint')}>
          <InputNumber min={0} max={100000} precision={0} data-testid="unit-sort" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
