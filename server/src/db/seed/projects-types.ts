import type { ProjectBatch, ProjectCategory } from '@lantu/core';

/**
 * One 重点项目 of the demo zone as the seed writes it. Money in integer 万元; units are DEMO_UNITS
 * codes and people demo usernames.
 */
export interface SeedProject {
  code: string;
  name: string;
  category: ProjectCategory;
  enterprise?: string;
  description?: string;
  /** Lead unit (DEMO_UNITS code). */
  lead: string;
  /** 分管领导 (demo username). */
  leader: string;
  total: number;
  annual: number;
  /** Latitude, longitude and address; left out for projects without a site yet (the map lists them as unlocated). */
  at?: [number, number, string];
  batches?: ProjectBatch[];
  /** Defaults to public; projects still under negotiation or with problems being worked out stay internal. */
  isPublic?: boolean;
  /** Planned dates of the six stages 谋划 签约 开工 主体完工 竣工 投产, space-separated. */
  planned: string;
  /** Actual dates of the stages reached, in order; the last one is the project's stage. */
  actual: string;
  /** Investment completed from 开工 to the end of 2020 (万元): the opening balance, one progress row at 2020-12. */
  before?: number;
  /** Investment completed in 2021-01 and 2021-02 (万元). */
  m21?: [number, number];
  /** 形象进度 of 2021-01 and 2021-02 where the generic site report would not do. */
  text21?: [string, string];
  /** Notes of 2021-01 and 2021-02 progress. */
  note21?: [string | null, string | null];
}

/** A 问题清单 entry of a demo project. */
export interface SeedProblem {
  project: string;
  description: string;
  owner: string;
  deadline: string;
  /** The day it was raised (its creation time). */
  raised: string;
  state: 'open' | 'resolved' | 'closed';
  resolution?: string;
}

/** The address helper: 焦作高新区 + the crossing or place. */
export const gx = (lat: number, lng: number, where: string): [number, number, string] => [lat, lng, `焦作高新区${where}`];

/** An industrial project: led by 经济发展局, 分管领导 王志远 (`leader`, 分管经济发展). */
export const gy = (p: Omit<SeedProject, 'category' | 'lead' | 'leader'>): SeedProject => ({ category: 'industry', lead: 'JFJ', leader: 'leader', ...p });

export const MENGNIU = '蒙牛乳业（焦作）有限公司';
export const MINGREN = '焦作明仁天然药物有限责任公司';
export const ZHONGZHOU = '中轴控股集团股份有限公司';
export const TIANBAO = '焦作天宝桓祥机械科技有限公司';
