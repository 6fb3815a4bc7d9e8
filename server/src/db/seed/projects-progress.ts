import { PROJECT_STAGES, type ProjectCategory, type ProjectStage } from '@lantu/core';
import type { SeedProject } from './projects-types.js';

/*
 * The monthly progress the demo projects had reported by 2021-03-15: January and February 2021 as the data
 * files give them, and for projects under way before 2021 their opening balance — the investment completed
 * from 开工 to the end of 2020, entered as one row at 2020-12 the way a zone takes over its 续建 projects
 * (项目台账 carry 截至上年底累计完成投资, not last year's months; and a seasonal profile from a year in which
 * most of these projects were only starting would project the year at several times the plan). 形象进度
 * texts not written out in the data are composed from the stage the project had reached by the month's end.
 */

export interface SeedProgress {
  period: string;
  completed: number;
  text: string;
  note: string | null;
}

const OUTDOOR: ProjectCategory[] = ['infrastructure', 'urban', 'agriculture'];
type Site = 'plant' | 'building' | 'road' | 'field';
const SITE: Record<ProjectCategory, Site> = { industry: 'plant', innovation: 'building', livelihood: 'building', infrastructure: 'road', urban: 'road', agriculture: 'field' };

/** Site report phrases by kind of site and stage reached, in the order the work goes on within the stage. */
const REPORTS: Record<Site, Record<ProjectStage, string[]>> = {
  plant: {
    planning: ['项目对接，编制可行性研究报告', '可研评审，洽谈投资协议'],
    signed: ['办理规划许可、施工图审查等前期手续', '支付设计、勘察费用，施工招标准备', '施工招标，办理施工许可'],
    started: ['场地平整及基础施工', '基础及地下管网施工', '主体钢结构吊装', '屋面及墙面围护施工', '砌体及二次结构施工', '厂房地坪及配套用房施工'],
    structure_done: ['主体完工，设备基础施工', '生产设备进场安装', '设备安装及水电管线施工', '设备单机调试'],
    completed: ['竣工验收，设备联动试车', '试生产准备，人员招聘培训'],
    in_production: ['投产运行，配套设施完善'],
  },
  building: {
    planning: ['方案设计'],
    signed: ['施工图设计及报建'],
    started: ['基础施工', '主体结构施工', '主体结构施工，砌体同步跟进'],
    structure_done: ['二次结构及幕墙施工', '室内装修及机电安装', '室外工程施工'],
    completed: ['竣工交付，招商入驻', '配套完善，企业入驻装修'],
    in_production: ['运营，企业入驻'],
  },
  road: {
    planning: ['施工图设计，征迁入户调查'],
    signed: ['征迁补偿，施工准备'],
    started: ['路基土方及排水管网施工', '雨污管网及路基施工', '水稳层施工', '路基整形，附属工程施工'],
    structure_done: ['沥青面层及交通设施施工', '人行道、绿化及照明施工'],
    completed: ['竣工验收，移交养护'],
    in_production: ['通车运行'],
  },
  field: {
    planning: ['规划设计'],
    signed: ['施工准备'],
    started: ['土地平整及灌排工程施工', '田间道路及农田林网施工'],
    structure_done: ['配套设施安装'],
    completed: ['竣工验收'],
    in_production: ['投入使用'],
  },
};

const monthEnd = (p: string) => new Date(Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5, 7)), 0)).toISOString().slice(0, 10);
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));

/** What the site report of month `at` says: the stage reached by the month's end, and how far it is towards the next one as planned. */
function siteReport(p: SeedProject, actual: string[], at: string): string {
  const reached = actual.filter((d) => d <= monthEnd(at));
  const i = Math.max(reached.length - 1, 0);
  const stage = PROJECT_STAGES[i]!;
  const list = REPORTS[SITE[p.category]][stage];
  const next = p.planned.split(' ')[i + 1];
  const from = reached[i] ?? at;
  const share = next ? (monthIndex(at) - monthIndex(from) + 1) / Math.max(monthIndex(next) - monthIndex(from) + 1, 1) : 0;
  const text = list[Math.min(Math.floor(share * list.length), list.length - 1)]!;
  const underWay = stage !== 'planning' && stage !== 'signed' && stage !== 'in_production';
  if (at === '2021-01' && underWay) return OUTDOOR.includes(p.category) ? '冬季停工，做好复工准备' : `冬季施工，${text}`;
  if (at === '2021-02' && underWay) return `春节后复工，${text}`;
  return text;
}

function openingBalance(p: SeedProject, actual: string[]): SeedProgress[] {
  const started = actual[2];
  if (!p.before) return [];
  if (!started || started >= '2021-01-01') throw new Error(`demo project data: ${p.code} has investment before 2021 but had not started`);
  const since = `${Number(started.slice(0, 4))}年${Number(started.slice(5, 7))}月`;
  return [{ period: '2020-12', completed: p.before, text: `${since}开工，至2020年底：${siteReport(p, actual, '2020-12')}`, note: `上年结转：${since}开工至2020年底累计完成投资` }];
}

/**
 * Whether a month of a project's progress had been accepted by the business date. 经济发展局 (JFJ) had not yet
 * submitted its February report (春节 2021-02-12; the 2021-02 cycle runs until 2021-03-20): the February
 * figures of the projects it leads sit in that draft report's lines (reporting-*.ts), not in accepted progress.
 */
export function acceptedByAsOf(p: SeedProject, period: string): boolean {
  return !(p.lead === 'JFJ' && period === '2021-02');
}

/**
 * Every month of progress a demo project has, oldest first.
 * @throws Error when the project has investment before 2021 but had not started by then
 */
export function progressOf(p: SeedProject): SeedProgress[] {
  const actual = p.actual.split(' ');
  const out = openingBalance(p, actual);
  if (p.m21) {
    ['2021-01', '2021-02'].forEach((at, i) => {
      out.push({ period: at, completed: p.m21![i]!, text: p.text21?.[i] ?? siteReport(p, actual, at), note: p.note21?.[i] ?? null });
    });
  }
  return out;
}
