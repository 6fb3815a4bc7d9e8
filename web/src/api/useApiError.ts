import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '@lantu/core';
import { isApiError } from './client';

type TFn = ReturnType<typeof useTranslation>['t'];

function fieldIssues(details: unknown): FieldIssue[] {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is FieldIssue => typeof (f as FieldIssue | null)?.field === 'string');
}

/** `units.0.name` → ['units', 0, 'name'], the antd form name path. */
function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The translated text of one validation issue (`too_big` with limit 50 → "不能超过 50"). */
export function issueText(t: TFn, issue: FieldIssue): string {
  return t(`errors.issues.${issue.issue}`, {
    limit: issue.limit ?? '',
    defaultValue: t('errors.issues.invalid'),
  });
}

/** The translated name of a field, falling back to its path. */
export function fieldLabel(t: TFn, field: string): string {
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  return t(`fields.${last}`, { defaultValue: field });
}

function issueList(t: TFn, issues: FieldIssue[]): string {
  return issues.map((i) => `${fieldLabel(t, i.field)}: ${issueText(t, i)}`).join('; ');
}

/** The user-facing text of any error thrown by the API client. */
export function errorText(t: TFn, err: unknown): string {
  if (!isApiError(err)) return t('errors.unknown');
  if (err.code === 'validation_failed') {
    const issues = fieldIssues(err.details);
    if (issues.length > 0) {
      return t('errors.validationList', { list: issueList(t, issues) });
    }
  }
  const reason = (err.details as { reason?: unknown } | null | undefined)?.reason;
  if (typeof reason === 'string') {
    return t(`errors.reasons.${reason}`, { defaultValue: t(`errors.${err.code}`, { defaultValue: t('errors.unknown') }) });
  }
  return t(`errors.${err.code}`, { defaultValue: t('errors.unknown') });
}

export interface ShowErrorOptions {
  /** Form whose fields get the validation messages; unknown fields are listed in a message. */
  form?: FormInstance;
}

/**
 * Shows an API error in the user's language. Validation issues land on the matching form
 * fields where there is a form; everything else becomes a message.
 */
export function useApiError(): (err: unknown, opts?: ShowErrorOptions) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, opts: ShowErrorOptions = {}) => {
      const { form } = opts;
      if (form && isApiError(err) && err.code === 'validation_failed') {
        const issues = fieldIssues(err.details);
        const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
        const onForm = issues.filter((i) => known.has(String(namePath(i.field)[0])));
        const elsewhere = issues.filter((i) => !onForm.includes(i));
        form.setFields(onForm.map((i) => ({ name: namePath(i.field), errors: [issueText(t, i)] })));
        if (elsewhere.length > 0) void message.error(t('errors.validationList', { list: issueList(t, elsewhere) }));
        else if (onForm.length === 0) void message.error(t('errors.validation_failed'));
        return;
      }
      void message.error(errorText(t, err));
    },
    [t, message],
  );
}
