import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '@lantu/core';
import { isApiError } from '../../api/client';
import { fieldLabel, issueText, useApiError } from '../../api/useApiError';

type TFn = ReturnType<typeof useTranslation>['t'];

function issuesOf(details: unknown): FieldIssue[] {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  return Array.isArray(fields) ? fields.filter((f): f is FieldIssue => typeof (f as FieldIssue | null)?.field === 'string') : [];
}

/** The text of an issue the plan and indicator rules raise (below_low, syntax, …), else the generic one. */
export function planIssueText(t: TFn, issue: FieldIssue): string {
  return t(`plans.issues.${issue.issue}`, { limit: issue.limit ?? '', defaultValue: issueText(t, issue) });
}

/** The text of a refusal with a reason (item_has_children, formula_indicator, …), or null for the generic path. */
export function planReasonText(t: TFn, err: unknown): string | null {
  if (!isApiError(err)) return null;
  const reason = (err.details as { reason?: unknown } | null | undefined)?.reason;
  if (typeof reason !== 'string') return null;
  const text = t(`plans.reasons.${reason}`, { defaultValue: '' });
  return text || null;
}

/**
 * useApiError with the plan domain's words: field issues land on the form with plan-specific
 * texts; refusals with a reason get their own sentence; everything else as usual.
 */
export function usePlanError(): (err: unknown, form?: FormInstance) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      const reason = planReasonText(t, err);
      if (reason) {
        void message.error(reason);
        return;
      }
      if (form && isApiError(err) && err.code === 'validation_failed') {
        const issues = issuesOf(err.details);
        const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
        const top = (i: FieldIssue) => i.field.split('.')[0] ?? i.field;
        const onForm = issues.filter((i) => known.has(top(i)));
        const elsewhere = issues.filter((i) => !onForm.includes(i));
        form.setFields(onForm.map((i) => ({ name: i.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [planIssueText(t, i)] })));
        if (elsewhere.length > 0) {
          const list = elsewhere.map((i) => `${t(`plans.fields.${top(i)}`, { defaultValue: fieldLabel(t, i.field) })}: ${planIssueText(t, i)}`).join('; ');
          void message.error(t('errors.validationList', { list }));
        } else if (onForm.length === 0) void message.error(t('errors.validation_failed'));
        return;
      }
      showError(err);
    },
    [t, message, showError],
  );
}
