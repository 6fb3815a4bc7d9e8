import type {
  AdvanceStageBody,
  CreateProblemBody,
  CreateProjectBody,
  PhotoMeta,
  Problem,
  ProblemActionBody,
  ProblemState,
  Project,
  ProjectBatch,
  ProjectCategory,
  ProjectImportResult,
  ProjectMap,
  ProjectProgress,
  ProjectStage,
  ProjectStatus,
  PutProgressBody,
  RevertStageBody,
  UpdateProblemBody,
  UpdateProjectBody,
} from '@lantu/core';
import { api, downloadUrl, type QueryValue } from '../../api/client';

export interface Page<T> {
  items: T[];
  total: number;
}

/** The list, map and export filters; they live in the URL query. */
export interface ProjectFilters {
  q?: string;
  category?: ProjectCategory;
  stage?: ProjectStage;
  batch?: ProjectBatch;
  unitId?: string;
  status?: ProjectStatus;
  year?: number;
  overdue?: 'true';
}

/** Paging and sorting of the list table (also in the URL). */
export interface ProjectPaging {
  page: number;
  pageSize: number;
  sort?: 'code' | 'name' | 'totalInvestment' | 'overdueDays' | 'status' | 'stage';
  order?: 'asc' | 'desc';
}

/** The API's largest page: a zone's whole registry takes one or two of them. */
export const MAX_PAGE_SIZE = 200;

const query = (f: object): Record<string, QueryValue> => f as Record<string, QueryValue>;

export function fetchProjects(filters: ProjectFilters, paging: ProjectPaging): Promise<Page<Project>> {
  return api<Page<Project>>('/projects', { query: query({ ...filters, ...paging }) });
}

/** Every project matching the filters, page after page of the largest size. */
export async function fetchAllProjects(filters: ProjectFilters): Promise<Project[]> {
  const out: Project[] = [];
  for (let page = 1; ; page++) {
    const res = await fetchProjects(filters, { page, pageSize: MAX_PAGE_SIZE, sort: 'code', order: 'asc' });
    out.push(...res.items);
    if (res.items.length === 0 || out.length >= res.total) return out;
  }
}

export function fetchProjectMap(filters: ProjectFilters): Promise<ProjectMap> {
  return api<ProjectMap>('/projects/map', { query: query(filters) });
}

export function fetchProject(id: string): Promise<Project> {
  return api<Project>(`/projects/${id}`);
}

export function createProject(body: CreateProjectBody): Promise<Project> {
  return api<Project>('/projects', { method: 'POST', body });
}

export function updateProject(id: string, body: UpdateProjectBody): Promise<Project> {
  return api<Project>(`/projects/${id}`, { method: 'PATCH', body });
}

export function deleteProject(id: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/projects/${id}`, { method: 'DELETE' });
}

export function advanceStage(id: string, body: AdvanceStageBody): Promise<Project> {
  return api<Project>(`/projects/${id}/advance`, { method: 'POST', body });
}

export function revertStage(id: string, body: RevertStageBody): Promise<Project> {
  return api<Project>(`/projects/${id}/revert`, { method: 'POST', body });
}

export function fetchProgress(projectId: string): Promise<Page<ProjectProgress>> {
  return api<Page<ProjectProgress>>(`/projects/${projectId}/progress`, { query: { pageSize: MAX_PAGE_SIZE } });
}

export function putProgress(projectId: string, period: string, body: PutProgressBody): Promise<ProjectProgress> {
  return api<ProjectProgress>(`/projects/${projectId}/progress/${period}`, { method: 'PUT', body });
}

export function deleteProgress(projectId: string, period: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/projects/${projectId}/progress/${period}`, { method: 'DELETE' });
}

export function uploadPhoto(progressId: string, file: File): Promise<PhotoMeta> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<PhotoMeta>(`/project-progress/${progressId}/photos`, { method: 'POST', form });
}

export function deletePhoto(id: string): Promise<{ ok: true }> {
  return api<{ ok: true }>(`/project-photos/${id}`, { method: 'DELETE' });
}

/** The image itself, for <img src>: the session cookie goes along. */
export function photoUrl(id: string): string {
  return downloadUrl(`/project-photos/${id}`);
}

export interface ProblemFilters {
  ownerUnitId?: string;
  projectId?: string;
  state?: ProblemState;
}

export function fetchProblems(filters: ProblemFilters, page = 1, pageSize = MAX_PAGE_SIZE): Promise<Page<Problem>> {
  return api<Page<Problem>>('/project-problems', { query: query({ ...filters, page, pageSize }) });
}

export function fetchProjectProblems(projectId: string): Promise<Page<Problem>> {
  return api<Page<Problem>>(`/projects/${projectId}/problems`, { query: { pageSize: MAX_PAGE_SIZE } });
}

export function createProblem(projectId: string, body: CreateProblemBody): Promise<Problem> {
  return api<Problem>(`/projects/${projectId}/problems`, { method: 'POST', body });
}

export function updateProblem(id: string, body: UpdateProblemBody): Promise<Problem> {
  return api<Problem>(`/project-problems/${id}`, { method: 'PATCH', body });
}

export type ProblemAction = 'resolve' | 'close' | 'reopen';

export function problemAction(id: string, action: ProblemAction, body: ProblemActionBody): Promise<Problem> {
  return api<Problem>(`/project-problems/${id}/${action}`, { method: 'POST', body });
}

/** Which workbook: the registry itself, or monthly progress. */
export type ImportKind = 'projects' | 'progress';

export function importWorkbook(kind: ImportKind, file: File): Promise<ProjectImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ProjectImportResult>('/projects/import', { method: 'POST', query: { kind }, form });
}

export function exportUrl(filters: ProjectFilters): string {
  return downloadUrl('/projects/export', query(filters));
}

export function templateUrl(kind: ImportKind): string {
  return downloadUrl('/projects/template.xlsx', { kind });
}
