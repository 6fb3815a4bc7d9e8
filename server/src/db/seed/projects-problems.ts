import type { SeedProblem } from './projects-types.js';

/**
 * 问题清单 of the demo projects as of 2021-03-15: the approvals that held up February's starts (环评,
 * 施工许可), 电力增容, 土地征收, a permit blocking 竣工, a pipeline relocation on a road — each owned by
 * the unit that can solve it. 30 (施工许可) is past its deadline; 明仁's water permit has been resolved and
 * waits for the office to close it; 蒙牛's gas connection was closed in January.
 */
export const DEMO_PROBLEMS: SeedProblem[] = [
  {
    project: 'GY2021-029', owner: 'ZRJ', deadline: '2021-03-20', state: 'open', raised: '2021-02-22',
    description: '环评审批：环评报告书技术评估要求补充大气环境影响预测，批复未出，影响开工',
  },
  {
    project: 'GY2021-030', owner: 'GJJ', deadline: '2021-03-10', state: 'open', raised: '2021-02-24',
    description: '施工许可：施工图审查意见已回复，施工许可证仍未办结，影响开工',
  },
  {
    project: 'GY2021-031', owner: 'GJJ', deadline: '2021-03-22', state: 'open', raised: '2021-02-26',
    description: '施工许可：消防设计审查未完成，施工许可证无法办理，影响开工',
  },
  {
    project: 'GY2021-015', owner: 'QFZ', deadline: '2021-03-31', state: 'open', raised: '2021-01-18',
    description: '电力增容：10千伏专线增容（2×1600千伏安）申请未获供电公司批复，大型焊接设备不能同时开机，主体完工滞后',
  },
  {
    project: 'GY2021-035', owner: 'ZRJ', deadline: '2021-03-22', state: 'open', raised: '2021-02-20',
    description: '土地征收：项目用地中约35亩集体土地征收补偿未完成，影响3月下旬集中开工',
  },
  {
    project: 'GY2021-024', owner: 'ZRJ', deadline: '2021-04-15', state: 'open', raised: '2021-02-08',
    description: '危险废物经营许可证：申请材料需补正，影响竣工验收和带料试车',
  },
  {
    project: 'JC2021-02', owner: 'GJJ', deadline: '2021-03-31', state: 'open', raised: '2021-02-25',
    description: '管线迁改：南段燃气、通信管线迁改未完成，影响路基施工',
  },
  {
    project: 'GY2021-003', owner: 'ZRJ', deadline: '2021-02-28', state: 'resolved', raised: '2021-01-12',
    description: '取水许可：苏打水项目深层水源取水许可证办理',
    resolution: '协调省水利厅完成水资源论证审查，2月22日取得取水许可证',
  },
  {
    project: 'GY2021-001', owner: 'GJJ', deadline: '2021-01-31', state: 'closed', raised: '2020-12-28',
    description: '天然气接入：发酵、杀菌工段用气需中压管道接入',
    resolution: '燃气公司完成中压管道接入，1月25日通气',
  },
];
