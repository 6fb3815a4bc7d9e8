import { type SeedIndicator, type SeedPlan, months } from './plan-types.js';

/*
 * The strategic plan "25311" (两个坚持、五个定位、三级目标) of the seed page, as the demo zone has it.
 * Numbers the page states as achievements (排名上升8位, 火炬统计连续5年受表彰, 4个主导产业集群) are
 * indicators of 2020, the evaluation year they report, each with its 2020-12 value (status done).
 * The cluster scales (百亿 / 50亿) are tracked as 2021 annual revenue, with Jan–Feb values; 蒙牛 has
 * its 2020 months too, so the seasonal forecast (上年同期占比) shows the 百亿 gap while it is still green.
 */

const rank: SeedIndicator = {
  code: 'S-RANK-2020', name: '全国高新区综合评价排名（位次）', kind: 'change', direction: 'decrease', unit: '位', year: 2020,
  baseline: '109', target: '8', frequency: 'annual', reportingUnit: 'KJJ', isPublic: true,
  sourceText: '在全国高新区最新排名上升8位',
  values: [{ period: '2020-12', value: '101', note: '国家高新区最新综合评价排名较上年上升8位（第109位→第101位；具体位次为演示数据，原文只给出上升8位）' }],
};

const torch: SeedIndicator = {
  code: 'S-TORCH-2020', name: '火炬统计工作连续受科技部火炬中心表彰年数', kind: 'level', unit: '年', year: 2020,
  baseline: '4', target: '5', frequency: 'annual', reportingUnit: 'KJJ-HJ', isPublic: true,
  sourceText: '火炬统计工作连续5年受到科技部火炬中心表彰',
  values: [{ period: '2020-12', value: '5', note: '2016—2020年火炬统计工作连续5年受到科技部火炬中心表彰' }],
};

const clusters: SeedIndicator = {
  code: 'S-CLUSTER-2020', name: '主导产业集群数', kind: 'level', unit: '个', year: 2020,
  target: '4', frequency: 'annual', reportingUnit: 'JFJ', isPublic: true,
  sourceText: '蒙牛百亿产业集群、装备制造百亿产业集群、明仁50亿大健康产业集群、膜材料50亿产业集群等4个主导产业集群熠熠生辉',
  values: [{ period: '2020-12', value: '4', note: '蒙牛、装备制造、明仁大健康、膜材料4个主导产业集群' }],
};

const cluster = (code: string, name: string, target: string, sourceText: string, values: SeedIndicator['values']): SeedIndicator => ({
  code, name, kind: 'amount', unit: '亿元', year: 2021, target, reportingUnit: 'JFJ-TJ', isPublic: true, sourceText, values,
});

/** 2020 total 86.0亿元, 17.2 of it in Jan–Feb (春节前备货): 2021's 16.2 is on pace, yet projects to ~81. */
const mengniu = cluster('CL-MN-2021', '蒙牛产业集群营业收入', '100', '蒙牛百亿产业集群', [
  ...months(2020, ['10.3', '6.9', '6.2', '6.4', '6.8', '7.0', '7.2', '7.1', '7.6', '6.9', '6.5', '7.1'], { 1: '2020年春节在1月下旬，节前备货集中在1月', 12: '2020年全年营业收入86.0亿元' }),
  ...months(2021, ['7.9', '8.3'], { 1: '1月营业收入7.9亿元，春节前常温奶备货', 2: '2月营业收入8.3亿元；按上年同期占比推算全年约81亿元，距百亿尚有缺口' }),
]);
const equipment = cluster('CL-EQ-2021', '装备制造产业集群营业收入', '100', '装备制造百亿产业集群',
  months(2021, ['6.4', '6.9'], { 1: '1月营业收入6.4亿元', 2: '2月营业收入6.9亿元；春节前后停产检修，桥隧机械订单集中在二季度交付' }));
const mingren = cluster('CL-MR-2021', '明仁大健康产业集群营业收入', '50', '明仁50亿大健康产业集群',
  months(2021, ['4.5', '4.0'], { 1: '1月营业收入4.5亿元，药品和苏打水节前发货', 2: '2月营业收入4.0亿元' }));
const membrane = cluster('CL-MM-2021', '膜材料产业集群营业收入', '50', '膜材料50亿产业集群',
  months(2021, ['3.7', '3.9'], { 1: '1月营业收入3.7亿元', 2: '2月营业收入3.9亿元；原材料涨价，部分订单延后' }));

const S = { start: '2021-01-01', due: '2035-12-31' };

export const STRATEGIC_PLAN: SeedPlan = {
  kind: 'strategic',
  title: '焦作高新区“25311”发展战略（2021—2035年）',
  description:
    '“25311”即“两个坚持、五个定位、三级目标”。“两个坚持”即坚持以党建高质量推动发展高质量，坚持以国家高新区争先进位引领加速发展。“五个定位”即到2035年，基本建成焦作城市的核心板块区、科创名城的创新引领区、产业名城的集聚发展区、文旅名城的休闲康养区和城乡融合的示范样板区。“三级目标”即到2035年分别在全市、全省、全国要实现的奋斗目标：在焦作市，要成为科创名城的先锋、品质焦作的标杆、城乡融合的典范；在河南省，焦作高新区建设要有重要位置；在全国，焦作高新区建设要有重要影响。',
  startYear: 2021,
  endYear: 2035,
  levelLabels: ['坚持/定位/目标', '举措'],
  isPublic: true,
  defaultStart: S.start,
  defaultDue: S.due,
  items: [
    {
      key: 'jc1', title: '坚持以党建高质量推动发展高质量', lead: 'DGB', leader: 'leader_guo', weight: '10', isPublic: true,
      description: '“两个坚持”之一。坚持党的领导、加强党的建设是事业发展的根本保证，必须紧扣发展抓党建、持之以恒转作风。',
    },
    {
      key: 'jc2', title: '坚持以国家高新区争先进位引领加速发展', lead: 'MBB', co: ['KJJ', 'JFJ'], leader: 'leader', weight: '10', isPublic: true,
      description: '“两个坚持”之一。准确把握国家高新区创新驱动发展示范区、高质量发展先行区的新定位，对标找差、争先进位，加快建设区域创新增长极。',
    },
    {
      key: 'dw-core', title: '焦作城市的核心板块区', lead: 'GJJ', co: ['ZRJ'], leader: 'leader_ma', weight: '10', isPublic: true,
      description: '“五个定位”之一，到2035年基本建成。这里是正在建设的焦作城市的核心板块区。基础设施日臻完善，城市面貌愈变愈美，公共服务不断提升，综合承载能力和要素吸引力持续增强，焦作的母亲河大沙河穿城而过，水润绿城，人水和谐，已成为焦作市人民休闲游玩的好去处。',
      children: [
        { key: 'dw-core-infra', title: '基础设施日臻完善，综合承载能力和要素吸引力持续增强', lead: 'GJJ', description: '基础设施日臻完善，城市面貌愈变愈美，公共服务不断提升，综合承载能力和要素吸引力持续增强。' },
        { key: 'dw-core-river', title: '大沙河穿城而过，水润绿城、人水和谐', lead: 'ZRJ', co: ['GJJ'], description: '焦作的母亲河大沙河穿城而过，水润绿城，人水和谐，已成为焦作市人民休闲游玩的好去处。' },
      ],
    },
    {
      key: 'dw-innov', title: '科创名城的创新引领区', lead: 'KJJ', leader: 'leader_yang', weight: '15', isPublic: true,
      description: '“五个定位”之一，到2035年基本建成。这里是正在建设的科创名城的创新引领区。火炬统计工作连续5年受到科技部火炬中心表彰，成功创建国家“双创”特色载体，在全国高新区最新排名上升8位。',
      children: [
        { key: 'dw-innov-torch', title: '火炬统计工作连续受到科技部火炬中心表彰', lead: 'KJJ-HJ', indicators: [torch], description: '火炬统计工作连续5年受到科技部火炬中心表彰。' },
        { key: 'dw-innov-sc', title: '国家“双创”特色载体', lead: 'KJJ', description: '成功创建国家“双创”特色载体。' },
        { key: 'dw-innov-rank', title: '全国高新区排名争先进位', lead: 'KJJ', co: ['MBB'], indicators: [rank], description: '在全国高新区最新排名上升8位。' },
      ],
    },
    {
      key: 'dw-ind', title: '产业名城的集聚发展区', lead: 'JFJ', co: ['ZSJ', 'QFZ'], leader: 'leader', weight: '20', isPublic: true, indicators: [clusters],
      description: '“五个定位”之一，到2035年基本建成。这里是正在建设的产业名城的集聚发展区。蒙牛百亿产业集群、装备制造百亿产业集群、明仁50亿大健康产业集群、膜材料50亿产业集群等4个主导产业集群熠熠生辉；工业设计、检验检测认证、科技服务、金融服务等生产性服务业蓬勃发展；商贸、旅游、文化、餐饮、康养等生活性服务业多元发展。',
      children: [
        { key: 'dw-ind-mn', title: '蒙牛百亿产业集群', lead: 'JFJ', indicators: [mengniu], description: '以蒙牛焦作5G智慧工厂、常温发酵酸奶等项目为支撑的乳业产业集群。' },
        { key: 'dw-ind-eq', title: '装备制造百亿产业集群', lead: 'JFJ', indicators: [equipment], description: '含河南省最大桥隧机械设备生产基地、中国最大人造金刚石生产设备制造基地。' },
        { key: 'dw-ind-mr', title: '明仁50亿大健康产业集群', lead: 'JFJ', indicators: [mingren], description: '以明仁药业及其年产3亿瓶高端苏打水项目为支撑的大健康产业集群。' },
        { key: 'dw-ind-mm', title: '膜材料50亿产业集群', lead: 'JFJ', indicators: [membrane], description: '膜材料产业集群。' },
        { key: 'dw-ind-psvc', title: '生产性服务业蓬勃发展', lead: 'JFJ', co: ['CZJ'], description: '工业设计、检验检测认证、科技服务、金融服务等生产性服务业蓬勃发展。' },
        { key: 'dw-ind-lsvc', title: '生活性服务业多元发展', lead: 'SYJ', description: '商贸、旅游、文化、餐饮、康养等生活性服务业多元发展。' },
      ],
    },
    {
      key: 'dw-tour', title: '文旅名城的休闲康养区', lead: 'SYJ', co: ['GJJ', 'ZRJ'], leader: 'leader_he', weight: '10', isPublic: true,
      description: '“五个定位”之一，到2035年基本建成。这里是正在建设的文旅名城的休闲康养区。依托大沙河这个焦作未来城市发展的中心轴，大力发展文化、旅游、康养产业，打造生态文明建设的新地标、秀丽水城的“会客厅”、绿色发展的新高地。',
      children: [
        { key: 'dw-tour-axis', title: '依托大沙河发展文化、旅游、康养产业', lead: 'SYJ', description: '依托大沙河这个焦作未来城市发展的中心轴，大力发展文化、旅游、康养产业。' },
        { key: 'dw-tour-eco', title: '打造生态文明建设的新地标、秀丽水城的“会客厅”、绿色发展的新高地', lead: 'ZRJ', co: ['GJJ'] },
      ],
    },
    {
      key: 'dw-rural', title: '城乡融合的示范样板区', lead: 'NYJ', co: ['SYJ', 'WCJD', 'YMZ', 'SJZX'], leader: 'leader_he', weight: '10', isPublic: true,
      description: '“五个定位”之一，到2035年基本建成。这里是正在建设的城乡融合的示范样板区。基础设施一体化、公共服务均等化加快推进；城镇就业人口规模扩大；教育教学质量持续提升；医疗卫生、社会保障等公共事业得到长足发展。',
      children: [
        { key: 'dw-rural-infra', title: '基础设施一体化、公共服务均等化', lead: 'NYJ', co: ['GJJ'] },
        { key: 'dw-rural-jobs', title: '城镇就业人口规模扩大', lead: 'SYJ' },
        { key: 'dw-rural-edu', title: '教育教学质量持续提升', lead: 'SYJ' },
        { key: 'dw-rural-health', title: '医疗卫生、社会保障等公共事业长足发展', lead: 'SYJ' },
      ],
    },
    {
      key: 'mb-city', title: '全市：成为科创名城的先锋、品质焦作的标杆、城乡融合的典范', lead: 'MBB', leader: 'leader', weight: '5', isPublic: true,
      description: '“三级目标”之一：到2035年，在焦作市要成为科创名城的先锋、品质焦作的标杆、城乡融合的典范。',
      children: [
        { key: 'mb-city-pioneer', title: '科创名城的先锋', lead: 'KJJ' },
        { key: 'mb-city-quality', title: '品质焦作的标杆', lead: 'GJJ' },
        { key: 'mb-city-model', title: '城乡融合的典范', lead: 'NYJ' },
      ],
    },
    {
      key: 'mb-prov', title: '全省：焦作高新区建设要有重要位置', lead: 'MBB', leader: 'leader', weight: '5', isPublic: true,
      description: '“三级目标”之一：到2035年，在河南省，焦作高新区建设要有重要位置。',
    },
    {
      key: 'mb-nation', title: '全国：焦作高新区建设要有重要影响', lead: 'MBB', leader: 'leader', weight: '5', isPublic: true,
      description: '“三级目标”之一：到2035年，在全国，焦作高新区建设要有重要影响。',
    },
  ],
};
