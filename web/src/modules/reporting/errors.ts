import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '@lantu/core';
import { isApiError } from '../../api/client';
import { errorText, fieldLabel, issueText } from '../../api/useApiError';

type TFn = ReturnType<typeof useTranslation>['t'];

export function issuesOf(err: unknown): FieldIssue[] {
  if (!isApiError(err) || err.code !== 'validation_failed') return [];
  const fields = (err.details as { fields?: unknown } | null | undefined)?.fields;
  return Array.isArray(fields) ? fields.filter((f): f is FieldIssue => typeof (f as FieldIssue | null)?.field === 'string') : [];
}

/** Whose words: the reporting screens, or the notification channels'. */
export type Domain = 'reporting' | 'notifications';

/**
 * The text of an issue in a domain's words (explain_flag, growth_only, smtp_not_configured, …): the
 * field's own wording first (`required_recipients`), then the issue's, else the generic one.
 */
export function domainIssueText(t: TFn, domain: Domain, issue: FieldIssue): string {
  const limit = issue.issue === 'explain_flag' && typeof issue.limit === 'string'
    ? issue.limit.split(',').map((f) => t(`reporting.flags.${f}`, { defaultValue: f })).join(t('reporting.listSeparator'))
    : issue.limit ?? '';
  const field = issue.field.split('.').pop() ?? issue.field;
  const generic = t(`${domain}.issues.${issue.issue}`, { limit, defaultValue: issueText(t, issue) });
  return t(`${domain}.issues.${issue.issue}_${field}`, { limit, defaultValue: generic });
}

export const reportingIssueText = (t: TFn, issue: FieldIssue): string => domainIssueText(t, 'reporting', issue);

/** A field's name in a domain's words (value, completedInvestment, dueDate, url, …). */
export function domainFieldLabel(t: TFn, domain: Domain, field: string): string {
  const last = field.split('.').pop() ?? field;
  return t(`${domain}.fields.${last}`, { defaultValue: fieldLabel(t, field) });
}

export const reportingFieldLabel = (t: TFn, field: string): string => domainFieldLabel(t, 'reporting', field);

/** A state named in a refusal: a report's, a cycle's or a delivery's. */
function stateName(t: TFn, state: string): string {
  for (const key of [`reporting.state.${state}`, `reporting.cycleState.${state}`, `notifications.deliveryState.${state}`]) {
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return state;
}

/** A refusal with a reason (state, locked, too_many_files), in the reporting words; null otherwise. */
export function reportingReasonText(t: TFn, err: unknown): string | null {
  if (!isApiError(err)) return null;
  const d = err.details as { reason?: unknown; state?: unknown; action?: unknown; limit?: unknown } | null | undefined;
  if (typeof d?.reason !== 'string') return null;
  const state = typeof d.state === 'string' ? stateName(t, d.state) : '';
  const action = typeof d.action === 'string' ? t(`reporting.actionNames.${d.action}`, { defaultValue: d.action }) : '';
  const text = t(`reporting.reasons.${d.reason}`, { state, action, limit: String(d.limit ?? ''), defaultValue: '' });
  return text || null;
}

/** Any reporting error as one sentence. */
export function reportingErrorText(t: TFn, err: unknown): string {
  const reason = reportingReasonText(t, err);
  if (reason) return reason;
  const issues = issuesOf(err);
  if (issues.length > 0) {
    return t('errors.validationList', { list: issues.map((i) => `${reportingFieldLabel(t, i.field)}: ${reportingIssueText(t, i)}`).join('; ') });
  }
  return errorText(t, err);
}

/**
 * Issues naming report lines (`lines.<id>` required, `lines.<id>.note` explain_flag, …), by line id:
 * what a refused submit or a refused line save says about each line.
 */
export function lineIssuesOf(err: unknown): Map<string, FieldIssue[]> {
  const out = new Map<string, FieldIssue[]>();
  for (const i of issuesOf(err)) {
    const m = /^lines\.([0-9a-f-]{36})(?:\.|$)/.exec(i.field);
    if (m?.[1]) (out.get(m[1]) ?? out.set(m[1], []).get(m[1])!).push(i);
  }
  return out;
}

/**
 * useApiError in a domain's words: field issues land on the form (cycle dates, channel fields)
 * with their own texts; refusals with a reason get their sentence; everything else a message.
 */
export function useReportingError(domain: Domain = 'reporting'): (err: unknown, form?: FormInstance) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      const issues = issuesOf(err);
      if (form && issues.length > 0) {
        const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
        const onForm = issues.filter((i) => known.has(i.field));
        form.setFields(onForm.map((i) => ({ name: i.field, errors: [domainIssueText(t, domain, i)] })));
        const elsewhere = issues.filter((i) => !onForm.includes(i));
        if (elsewhere.length > 0) void message.error(t('errors.validationList', { list: elsewhere.map((i) => `${domainFieldLabel(t, domain, i.field)}: ${domainIssueText(t, domain, i)}`).join('; ') }));
        else if (onForm.length === 0) void message.error(t('errors.validation_failed'));
        return;
      }
      void message.error(reportingErrorText(t, err));
    },
    [t, message, domain],
  );
}
