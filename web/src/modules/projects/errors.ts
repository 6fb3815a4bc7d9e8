import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_STAGES, type FieldIssue } from '@lantu/core';
import { isApiError } from '../../api/client';
import { fieldLabel, issueText, useApiError } from '../../api/useApiError';
import { useMoney, type MoneyFormat } from './format';

type TFn = ReturnType<typeof useTranslation>['t'];

function issuesOf(details: unknown): FieldIssue[] {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  return Array.isArray(fields) ? fields.filter((f): f is FieldIssue => typeof (f as FieldIssue | null)?.field === 'string') : [];
}

/** Issues whose limit is an amount in 万元. */
const MONEY_ISSUES = new Set(['exceeds_total', 'below_completed']);

/** The limit as the user reads it: a stage by its name, money with its unit. */
function limitText(t: TFn, m: MoneyFormat, issue: FieldIssue): string {
  const { limit } = issue;
  if (limit === undefined) return '';
  if ((PROJECT_STAGES as readonly unknown[]).includes(limit)) return t(`projects.stage.${String(limit)}`);
  if (MONEY_ISSUES.has(issue.issue) && typeof limit === 'number') return m.money(limit);
  return String(limit);
}

/**
 * The text of a project rule's issue (exceeds_total, not_next, after_as_of, …): a field's own
 * wording first (`exceeds_total_annualInvestment`), then the issue's, else the generic one.
 */
export function projectIssueText(t: TFn, m: MoneyFormat, issue: FieldIssue): string {
  const generic = issueText(t, issue);
  const limit = limitText(t, m, issue);
  const field = issue.field.split('.')[0] ?? issue.field;
  return t(`projects.issues.${issue.issue}_${field}`, { limit, defaultValue: t(`projects.issues.${issue.issue}`, { limit, defaultValue: generic }) });
}

const namePath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * useApiError with the project domain's words: field issues land on the form fields with their
 * own texts (the remaining amount for exceeds_total, the expected stage for not_next); issues of
 * fields the form does not show, and every other refusal, become a message.
 */
export function useProjectError(): (err: unknown, form?: FormInstance) => void {
  const { t } = useTranslation();
  const m = useMoney();
  const { message } = App.useApp();
  const showError = useApiError();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (!isApiError(err) || err.code !== 'validation_failed') {
        showError(err);
        return;
      }
      const issues = issuesOf(err.details);
      const known = form ? new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>)) : new Set<string>();
      const top = (i: FieldIssue) => i.field.split('.')[0] ?? i.field;
      const onForm = issues.filter((i) => known.has(top(i)));
      const elsewhere = issues.filter((i) => !onForm.includes(i));
      form?.setFields(onForm.map((i) => ({ name: namePath(i.field), errors: [projectIssueText(t, m, i)] })));
      if (elsewhere.length > 0) {
        const list = elsewhere.map((i) => `${t(`projects.fields.${top(i)}`, { defaultValue: fieldLabel(t, i.field) })}: ${projectIssueText(t, m, i)}`).join('; ');
        void message.error(t('errors.validationList', { list }));
      } else if (onForm.length === 0) void message.error(t('errors.validation_failed'));
    },
    [t, m, message, showError],
  );
}

/** True for the refusal that means "someone changed it meanwhile": the caller reloads and says so. */
export function isVersionConflict(err: unknown): boolean {
  return isApiError(err) && err.code === 'version_conflict';
}
