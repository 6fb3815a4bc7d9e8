import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdvanceStageBody, CreateProblemBody, CreateProjectBody, ProblemActionBody, PutProgressBody, RevertStageBody, UpdateProblemBody, UpdateProjectBody } from '@lantu/core';
import * as projectsApi from './api';

export const PROJECTS_KEY = ['projects'] as const;
/** Project-driven indicators and plan roll-ups follow the registry (keys owned by those modules). */
const INDICATORS_KEY = ['indicators'] as const;
const PLANS_KEY = ['plans'] as const;

export function useProjects(filters: projectsApi.ProjectFilters, paging: projectsApi.ProjectPaging) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'list', filters, paging],
    queryFn: () => projectsApi.fetchProjects(filters, paging),
    placeholderData: keepPreviousData,
  });
}

/** Every project matching the filters (for totals over the whole filtered list, not one page). */
export function useAllProjects(filters: projectsApi.ProjectFilters, enabled = true) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'all', filters],
    queryFn: () => projectsApi.fetchAllProjects(filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** People already named as 分管领导 in the registry: the choices of the project form (accounts are for administrators). */
export function useLeaderOptions(enabled: boolean): { id: string; name: string }[] {
  const all = useAllProjects({}, enabled);
  return useMemo(() => {
    const byId = new Map<string, string>();
    for (const p of all.data ?? []) if (p.leaderId && p.leaderName) byId.set(p.leaderId, p.leaderName);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [all.data]);
}

export function useProjectMap(filters: projectsApi.ProjectFilters) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'map', filters],
    queryFn: () => projectsApi.fetchProjectMap(filters),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({ queryKey: [...PROJECTS_KEY, 'one', id], queryFn: () => projectsApi.fetchProject(id ?? ''), enabled: Boolean(id) });
}

export function useProgress(projectId: string | undefined) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'progress', projectId],
    queryFn: () => projectsApi.fetchProgress(projectId ?? ''),
    enabled: Boolean(projectId),
  });
}

export function useProjectProblems(projectId: string | undefined) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'problems', 'project', projectId],
    queryFn: () => projectsApi.fetchProjectProblems(projectId ?? ''),
    enabled: Boolean(projectId),
  });
}

export function useProblems(filters: projectsApi.ProblemFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'problems', 'list', filters, page, pageSize],
    queryFn: () => projectsApi.fetchProblems(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
}

/**
 * Every project mutation refreshes the registry, and the indicators and plans computed from it,
 * afterwards, also after a refusal (a version conflict then shows fresh data).
 */
function useProjectMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: PROJECTS_KEY });
      await qc.invalidateQueries({ queryKey: INDICATORS_KEY });
      await qc.invalidateQueries({ queryKey: PLANS_KEY });
    },
  });
}

export function useCreateProject() {
  return useProjectMutation((body: CreateProjectBody) => projectsApi.createProject(body));
}

export function useUpdateProject() {
  return useProjectMutation(({ id, body }: { id: string; body: UpdateProjectBody }) => projectsApi.updateProject(id, body));
}

export function useDeleteProject() {
  return useProjectMutation((id: string) => projectsApi.deleteProject(id));
}

export function useAdvanceStage() {
  return useProjectMutation(({ id, body }: { id: string; body: AdvanceStageBody }) => projectsApi.advanceStage(id, body));
}

export function useRevertStage() {
  return useProjectMutation(({ id, body }: { id: string; body: RevertStageBody }) => projectsApi.revertStage(id, body));
}

export function usePutProgress() {
  return useProjectMutation(({ projectId, period, body }: { projectId: string; period: string; body: PutProgressBody }) =>
    projectsApi.putProgress(projectId, period, body),
  );
}

export function useDeleteProgress() {
  return useProjectMutation(({ projectId, period }: { projectId: string; period: string }) => projectsApi.deleteProgress(projectId, period));
}

export function useUploadPhoto() {
  return useProjectMutation(({ progressId, file }: { progressId: string; file: File }) => projectsApi.uploadPhoto(progressId, file));
}

export function useDeletePhoto() {
  return useProjectMutation((id: string) => projectsApi.deletePhoto(id));
}

export function useCreateProblem() {
  return useProjectMutation(({ projectId, body }: { projectId: string; body: CreateProblemBody }) => projectsApi.createProblem(projectId, body));
}

export function useUpdateProblem() {
  return useProjectMutation(({ id, body }: { id: string; body: UpdateProblemBody }) => projectsApi.updateProblem(id, body));
}

export function useProblemAction() {
  return useProjectMutation(({ id, action, body }: { id: string; action: projectsApi.ProblemAction; body: ProblemActionBody }) =>
    projectsApi.problemAction(id, action, body),
  );
}

export function useImportWorkbook() {
  return useProjectMutation(({ kind, file }: { kind: projectsApi.ImportKind; file: File }) => projectsApi.importWorkbook(kind, file));
}
