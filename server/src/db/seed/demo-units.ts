import type { UnitKind } from '@lantu/core';

export interface DemoUnit {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  children?: DemoUnit[];
}

/**
 * 焦作高新区's organisation as the demo zone has it: the 党工委/管委会 with its offices and bureaus,
 * and the 街道, 镇 and 乡 the seed page names (文昌街道, 阳庙镇, 苏家作乡).
 */
export const DEMO_UNITS: DemoUnit = {
  code: 'GWH',
  name: '焦作高新区党工委、管委会',
  shortName: '管委会',
  kind: 'committee',
  children: [
    { code: 'DZB', name: '党政办公室', shortName: '党政办', kind: 'office' },
    { code: 'MBB', name: '目标管理办公室（督查室）', shortName: '目标办', kind: 'office' },
    { code: 'DGB', name: '党群工作部', shortName: '党群部', kind: 'office' },
    { code: 'JFJ', name: '经济发展局', shortName: '经发局', kind: 'bureau', children: [
      { code: 'JFJ-GY', name: '工业和信息化科', kind: 'section' },
      { code: 'JFJ-TJ', name: '统计科', kind: 'section' },
    ] },
    { code: 'KJJ', name: '科技创新局', shortName: '科创局', kind: 'bureau', children: [
      { code: 'KJJ-HJ', name: '火炬统计科', kind: 'section' },
    ] },
    { code: 'ZSJ', name: '招商和投资促进局', shortName: '招商局', kind: 'bureau' },
    { code: 'CZJ', name: '财政金融局', shortName: '财金局', kind: 'bureau' },
    { code: 'GJJ', name: '规划建设局', shortName: '规建局', kind: 'bureau' },
    { code: 'ZRJ', name: '自然资源和生态环境局', shortName: '资源环境局', kind: 'bureau' },
    { code: 'SYJ', name: '社会事业局', shortName: '社事局', kind: 'bureau' },
    { code: 'NYJ', name: '农业农村局', shortName: '农业局', kind: 'bureau' },
    { code: 'YJJ', name: '应急管理局', shortName: '应急局', kind: 'bureau' },
    { code: 'QFZ', name: '企业服务中心', shortName: '企服中心', kind: 'office' },
    { code: 'WCJD', name: '文昌街道办事处', shortName: '文昌街道', kind: 'subdistrict' },
    { code: 'YMZ', name: '阳庙镇人民政府', shortName: '阳庙镇', kind: 'town' },
    { code: 'SJZX', name: '苏家作乡人民政府', shortName: '苏家作乡', kind: 'township' },
  ],
};

/** Demo accounts, one per role; all share DEMO_PASSWORD. */
export const DEMO_ACCOUNTS = [
  { username: 'leader', displayName: '王志远（管委会副主任）', unit: 'GWH', role: 'leader' },
  { username: 'office', displayName: '李晓梅（目标办）', unit: 'MBB', role: 'office' },
  { username: 'unit_head', displayName: '张建国（经发局局长）', unit: 'JFJ', role: 'unit_head' },
  { username: 'reporter', displayName: '刘敏（经发局填报员）', unit: 'JFJ', role: 'reporter' },
  { username: 'investment', displayName: '赵磊（招商局）', unit: 'ZSJ', role: 'investment' },
  { username: 'service_officer', displayName: '陈静（首席服务官）', unit: 'QFZ', role: 'service_officer' },
  { username: 'enterprise', displayName: '孙浩（企业用户）', unit: 'QFZ', role: 'enterprise' },
  { username: 'sysadmin', displayName: '系统管理员', unit: 'DZB', role: 'sysadmin' },
  { username: 'secadmin', displayName: '安全管理员', unit: 'DZB', role: 'secadmin' },
  { username: 'auditor', displayName: '审计管理员', unit: 'DZB', role: 'auditor' },
] as const;

/** ≥ 12 characters and 4 classes, so it passes even the privileged policy. Printed at start. */
export const DEMO_PASSWORD = 'Demo@25311jz';
