import type { LineFlag } from '@lantu/core';

/*
 * The words of the demo reports: each unit's monthly note on the work-plan items it leads, and the
 * explanations reporters gave for figures the checks flagged (a flagged line needs a note before submit).
 */

/** Notes written out for items whose month the story tells (annual plan item code → period → note). */
const TOLD: Record<string, Record<string, string>> = {
  '1': {
    '2021-01': '统筹推进工业项目建设和“三大改造”，1月新上、续建工业项目完成投资4.0亿元',
    '2021-02': '春节后组织工业企业和项目复工复产，截至2月底新上、续建工业项目开复工27个',
  },
  '1.2': {
    '2021-01': '建立43个工业项目推进台账，1月完成投资4.0亿元；天宝桓祥纳米级金刚石微粉项目1月12日开工',
    '2021-02': '2月完成投资4.5亿元，名泽磁业、高森建扩产项目开工；3个项目因环评、施工许可未办结，开工延至3月',
  },
  '1.2.1': {
    '2021-01': '发酵罐、无菌灌装线等主要设备到货，设备安装完成40%',
    '2021-02': '前处理车间设备安装完成，灌装车间开始单机调试，计划4月底竣工、6月底投产',
  },
  '1.2.2': {
    '2021-01': '灌装车间钢结构主体完成85%，综合仓库砌体施工',
    '2021-02': '灌装车间屋面板安装，高速吹灌旋一体机完成订货',
  },
  '1.2.3': {
    '2021-01': '完成项目备案和规划设计方案评审，办理用地手续',
    '2021-02': '缴纳首期土地出让金，施工图设计完成70%，力争5月开工',
  },
  '1.2.4': {
    '2021-01': '1月12日开工，场地平整完成，厂房桩基施工',
    '2021-02': '春节后复工，厂房独立基础施工完成60%',
  },
  '1.3.4': {
    '2021-01': '蒙牛5G智慧工厂1月16日举行竣工投产仪式，5G专网、智能立体库投入运行',
    '2021-02': '投产运行，5G+机器视觉质检等应用场景持续完善',
  },
  '1.4': {
    '2021-01': '梳理生产性服务业重点企业，制定年度工作方案',
    '2021-02': '对接工业设计、检验检测等生产性服务机构3家',
  },
  '1.4.1': {
    '2021-01': '中原工业设计城新入驻工业设计企业2家',
    '2021-02': '数字经济产业园举办工业设计供需对接活动1场',
  },
  '3.2': {
    '2021-01': '4个续建路桥工程冬季停工，做好春节后复工准备；新建工程施工图设计及招标准备',
    '2021-02': '截至2月底开复工路桥工程5个（山阳路南及跨大沙河桥等续建工程4个、阳明路打通工程提前进场1个），其余10个工程3月下旬集中开工',
  },
  '5.1.4': {
    '2021-01': '起草要素配置市场化改革实施方案',
    '2021-02': '实施方案征求相关部门意见，完成修改',
  },
  '5.2.3': {
    '2021-01': '与粤港澳大湾区教育装备企业对接，筹备专题招商推介活动',
    '2021-02': '专题招商推介暨项目签约活动已举办，跟踪签约项目落地',
  },
};

/** Progress (0–100) reported with a note, for items measured by hand whose figure the story gives. */
const TOLD_PROGRESS: Record<string, Record<string, string>> = {
  '1.3.4': { '2021-01': '100', '2021-02': '100' },
  '5.2.3': { '2021-02': '100' },
};

const ROUTINE: Record<string, string[]> = {
  '2021-01': [
    '制定年度工作方案，明确责任分工和时间节点',
    '召开专题推进会，分解年度任务到科室和责任人',
    '梳理年度重点工作清单，建立月度推进台账',
    '完成年度任务分解，启动前期调研',
    '按年度计划推进，1月工作任务已完成',
    '做好冬季和春节前各项工作，按计划推进',
  ],
  '2021-02': [
    '春节后及时开展工作，各项任务按计划推进',
    '召开节后工作推进会，督促各责任科室落实',
    '按月度计划推进，2月工作任务已完成',
    '完成工作方案修改完善，进入组织实施阶段',
    '对照任务台账逐项推进，暂无需协调事项',
    '节后集中攻坚，重点事项取得阶段性进展',
  ],
};

/** A stable choice among the routine phrases, so every seed tells the same words. */
function pick(list: string[], key: string): string {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return list[h % list.length]!;
}

/**
 * A unit's note on a work-plan item for a month: the story's words where it tells them, else a routine
 * phrase (items that group others point to their tasks).
 */
export function itemNote(code: string, title: string, method: string, period: string): string {
  const told = TOLD[code]?.[period];
  if (told) return told;
  if (method === 'children') return `统筹推进“${title}”各项任务，进展见各任务填报`;
  const routine = ROUTINE[period];
  if (!routine) throw new Error(`demo reporting data: no routine notes for ${period}`);
  return pick(routine, `${code}:${period}`);
}

/** The progress a hand-measured item's note reports, where the story gives one (else none). */
export function itemProgress(code: string, period: string): string | null {
  return TOLD_PROGRESS[code]?.[period] ?? null;
}

/**
 * What a reporter wrote to explain a flagged project figure.
 * @param carriedOver last month's figure was the 2020 carry-over (开工至上年底累计), not a month
 * @throws Error for a flag the demo figures should never raise (investment above the remaining total)
 */
export function flagNote(flags: LineFlag[], period: string, rising: boolean, carriedOver: boolean): string {
  if (flags.includes('above_remaining')) throw new Error(`demo reporting data: a ${period} figure exceeds its project's remaining total`);
  if (carriedOver) return '上月数为开工至2020年底累计完成投资（上年结转），本月为当月完成投资';
  if (period === '2021-01') return rising ? '当月集中支付工程及设备款，投资较上月增加' : '冬季施工放缓，当月投资较上月减少';
  return rising ? '春节后全面复工，当月投资较上月增加' : '受春节假期影响，当月投资较上月减少';
}
