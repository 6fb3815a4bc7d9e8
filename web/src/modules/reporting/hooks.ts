import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCycleBody, PutLineBody, ReopenReportBody, ReportDetail, ReportLine, ReturnReportBody, UpdateCycleBody } from '@lantu/core';
import * as reportingApi from './api';

export const REPORTING_KEY = ['reporting'] as const;
/** Accepted figures move statuses, values and project progress (keys owned by those modules), and the bell. */
const DEPENDENT_KEYS = [['plans'], ['indicators'], ['projects'], ['notifications']] as const;
const REPORT_KEY = (id: string | undefined) => [...REPORTING_KEY, 'report', id] as const;

export function useCycles(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...REPORTING_KEY, 'cycles', page, pageSize],
    queryFn: () => reportingApi.fetchCycles(page, pageSize),
    placeholderData: keepPreviousData,
  });
}

export function useCycle(id: string | undefined) {
  return useQuery({ queryKey: [...REPORTING_KEY, 'cycle', id], queryFn: () => reportingApi.fetchCycle(id ?? ''), enabled: Boolean(id) });
}

export function useReports(filters: reportingApi.ReportFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...REPORTING_KEY, 'reports', filters, page, pageSize],
    queryFn: () => reportingApi.fetchReports(filters, page, pageSize),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({ queryKey: REPORT_KEY(id), queryFn: () => reportingApi.fetchReport(id ?? ''), enabled: Boolean(id) });
}

/**
 * Every reporting mutation refreshes the reporting queries afterwards, also after a refusal (a
 * version conflict then shows fresh data), and what acceptance moves elsewhere.
 */
function useReportingMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: REPORTING_KEY });
      for (const key of DEPENDENT_KEYS) await qc.invalidateQueries({ queryKey: key });
    },
  });
}

export function useCreateCycle() {
  return useReportingMutation((body: CreateCycleBody) => reportingApi.createCycle(body));
}

export function useUpdateCycle() {
  return useReportingMutation(({ id, body }: { id: string; body: UpdateCycleBody }) => reportingApi.updateCycle(id, body));
}

export function useCloseCycle() {
  return useReportingMutation(({ id, version }: { id: string; version: number }) => reportingApi.closeCycle(id, version));
}

export function useRemindCycle() {
  return useReportingMutation((id: string) => reportingApi.remindCycle(id));
}

export function useRemindReport() {
  return useReportingMutation((id: string) => reportingApi.remindReport(id));
}

export function useReportStep() {
  return useReportingMutation(({ id, step, version }: { id: string; step: reportingApi.SimpleStep; version: number }) => reportingApi.stepReport(id, step, version));
}

export function useReturnReport() {
  return useReportingMutation(({ id, body }: { id: string; body: ReturnReportBody }) => reportingApi.returnReport(id, body));
}

export function useReopenReport() {
  return useReportingMutation(({ id, body }: { id: string; body: ReopenReportBody }) => reportingApi.reopenReport(id, body));
}

export function useImportReport() {
  return useReportingMutation(({ id, file }: { id: string; file: File }) => reportingApi.importReport(id, file));
}

/** Puts a saved line into the cached report, so the rest of the form keeps what is being typed. */
function replaceLine(qc: ReturnType<typeof useQueryClient>, reportId: string, line: ReportLine): void {
  qc.setQueryData<ReportDetail>(REPORT_KEY(reportId), (r) => (r ? { ...r, lines: r.lines.map((l) => (l.id === line.id ? line : l)) } : r));
}

/**
 * Saves one line. The cached report takes the saved line at once; lists (counts) refresh behind it,
 * and the report itself only when its first save turned it from not started into a draft.
 */
export function usePutLine(reportId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, body }: { lineId: string; body: PutLineBody }) => reportingApi.putLine(reportId, lineId, body),
    onSuccess: async (line) => {
      replaceLine(qc, reportId, line);
      const report = qc.getQueryData<ReportDetail>(REPORT_KEY(reportId));
      if (report?.state === 'not_started') await qc.invalidateQueries({ queryKey: REPORT_KEY(reportId) });
      await qc.invalidateQueries({ queryKey: [...REPORTING_KEY, 'reports'] });
    },
  });
}

/** Re-reads one report (after a version conflict on a line). */
export function useRefetchReport(reportId: string) {
  const qc = useQueryClient();
  return () => qc.fetchQuery({ queryKey: REPORT_KEY(reportId), queryFn: () => reportingApi.fetchReport(reportId), staleTime: 0 });
}

export function useUploadEvidence(reportId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, file }: { lineId: string; file: File }) => reportingApi.uploadEvidence(reportId, lineId, file),
    onSuccess: (meta, { lineId }) =>
      qc.setQueryData<ReportDetail>(REPORT_KEY(reportId), (r) =>
        r ? { ...r, lines: r.lines.map((l) => (l.id === lineId ? { ...l, evidence: [...l.evidence, meta] } : l)) } : r,
      ),
  });
}

export function useDeleteEvidence(reportId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => reportingApi.deleteEvidence(fileId),
    onSuccess: (_, fileId) =>
      qc.setQueryData<ReportDetail>(REPORT_KEY(reportId), (r) =>
        r ? { ...r, lines: r.lines.map((l) => ({ ...l, evidence: l.evidence.filter((e) => e.id !== fileId) })) } : r,
      ),
  });
}
