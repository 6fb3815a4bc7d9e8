import { type SeedProject, gx } from './projects-types.js';

/*
 * "加快推进山阳路南及跨大沙河桥等15个路桥基础设施工程": 4 续建 works under way since 2020 (stopped for
 * winter, resumed after 春节) and 11 new ones out to tender in February, planned to start together in late
 * March — the 2021 infrastructure list is exactly these 15 (ROAD-2021 counts them). Then the city works
 * the page names: 沁泉湖公园综合水景, 街景节点绿化提升 and the 智慧城市“一张网”.
 * New works pay 征迁补偿 and design fees before they start, which is their Jan–Feb investment.
 */

const road = (p: Omit<SeedProject, 'category' | 'lead' | 'leader'>): SeedProject => ({ category: 'infrastructure', lead: 'GJJ', leader: 'leader_ma', ...p });
const NEW_ROAD_TEXT: [string, string] = ['完成施工图设计，征迁入户调查及补偿协议签订', '施工、监理招标，征迁补偿款发放，计划3月下旬集中开工'];
const SIGNED_ROAD_TEXT: [string, string] = ['完成施工图审查，征迁补偿协议签订', '施工合同签订，施工单位进场准备，计划3月下旬集中开工'];

const ROADS: SeedProject[] = [
  road({
    code: 'JC2021-01', name: '山阳路南及跨大沙河桥工程', total: 42000, annual: 18000, batches: ['start'],
    description: '山阳路向南延伸并新建跨大沙河大桥，拉开城市发展框架。',
    at: gx(35.1950, 113.2655, '山阳路南段跨大沙河处'),
    planned: '2019-10-15 2020-03-20 2020-05-10 2021-06-30 2021-10-31 2021-11-30', actual: '2019-10-15 2020-04-02 2020-05-26',
    before: 14000, m21: [1400, 1700],
    text21: ['利用枯水期进行大沙河主河槽桥墩施工，完成钻孔灌注桩48根', '春节后复工，主桥墩柱完成6座，南岸引道路基填筑'],
  }),
  road({
    code: 'JC2021-02', name: '神州路南延工程', total: 26000, annual: 12000, isPublic: false,
    at: gx(35.2045, 113.3040, '神州路南延段（塔南路至大沙河）'),
    planned: '2019-12-10 2020-04-15 2020-06-01 2021-05-31 2021-09-30 2021-10-31', actual: '2019-12-10 2020-04-12 2020-06-18',
    before: 9000, m21: [400, 1400],
    text21: ['冬季停工，完成北段雨污水管道回填', '春节后复工，北段水稳层施工；南段燃气、通信管线迁改未完成'],
    note21: ['冬季停工', '南段受管线迁改影响'],
  }),
  road({
    code: 'JC2021-03', name: '新园路东延工程', total: 15000, annual: 9000,
    at: gx(35.2440, 113.3290, '新园路东延段（东海大道以东）'),
    planned: '2020-03-01 2020-06-10 2020-08-01 2021-04-30 2021-07-31 2021-08-31', actual: '2020-03-01 2020-06-08 2020-08-12',
    before: 4000, m21: [300, 1000],
    text21: ['冬季停工，完成道路排水管道闭水试验', '春节后复工，路基整形及二灰碎石层施工'],
    note21: ['冬季停工', null],
  }),
  road({
    code: 'JC2021-04', name: '世纪路雨污分流改造工程', total: 8000, annual: 5000,
    at: gx(35.2240, 113.3010, '世纪路（人民路至塔南路）'),
    planned: '2020-05-10 2020-08-20 2020-10-15 2021-03-31 2021-05-31 2021-06-15', actual: '2020-05-10 2020-08-18 2020-10-20',
    before: 2500, m21: [350, 500],
    text21: ['冬季施工，污水管道顶管施工完成1.2公里', '春节后复工，检查井砌筑及路面恢复'],
  }),
  road({
    code: 'JC2021-05', name: '阳明路打通工程', total: 9000, annual: 8000, batches: ['start'],
    description: '打通阳明路断头路段，改善交通微循环。',
    at: gx(35.2350, 113.2950, '阳明路（迎宾路至神州路）断头路段'),
    planned: '2020-11-10 2021-02-28 2021-03-26 2021-07-31 2021-09-30 2021-10-31', actual: '2020-11-10 2021-02-25',
    m21: [500, 900],
    text21: ['断头路段征迁入户调查完成，签订征迁协议23户', '2月25日签订施工合同，征迁补偿款发放，计划3月下旬开工'],
  }),
  road({
    code: 'JC2021-06', name: '丰收路东延工程', total: 12000, annual: 9000, batches: ['start'],
    at: gx(35.2330, 113.3300, '丰收路东延段（东海大道以东）'),
    planned: '2020-10-20 2021-03-05 2021-03-26 2021-08-31 2021-10-31 2021-11-30', actual: '2020-10-20 2021-03-02',
    m21: [600, 1000], text21: SIGNED_ROAD_TEXT,
  }),
  road({
    code: 'JC2021-07', name: '中原路北延工程', total: 14000, annual: 10000, batches: ['start'],
    at: gx(35.2620, 113.3050, '中原路北延段'),
    planned: '2020-11-15 2021-03-18 2021-03-29 2021-09-30 2021-11-30 2021-12-31', actual: '2020-11-15',
    m21: [700, 1000], text21: NEW_ROAD_TEXT,
  }),
  road({
    code: 'JC2021-08', name: '东海大道南段工程', total: 30000, annual: 15000, batches: ['start'],
    at: gx(35.2100, 113.3260, '东海大道（人民路至大沙河）'),
    planned: '2020-10-10 2021-03-19 2021-03-30 2021-10-31 2021-12-31 2022-01-31', actual: '2020-10-10',
    m21: [1000, 1300], text21: NEW_ROAD_TEXT, note21: [null, '征迁补偿款拨付慢于计划'],
  }),
  road({
    code: 'JC2021-09', name: '文昌路改造提升工程', total: 6000, annual: 5000, batches: ['start'],
    at: gx(35.2070, 113.3060, '文昌路（人民路至塔南路）'),
    planned: '2020-12-01 2021-03-10 2021-03-25 2021-06-30 2021-07-31 2021-08-15', actual: '2020-12-01 2021-03-08',
    m21: [300, 550], text21: SIGNED_ROAD_TEXT,
  }),
  road({
    code: 'JC2021-10', name: '塔南路东延工程', total: 16000, annual: 10000, batches: ['start'],
    at: gx(35.2150, 113.3275, '塔南路东延段'),
    planned: '2020-11-20 2021-03-19 2021-03-30 2021-09-30 2021-11-30 2021-12-31', actual: '2020-11-20',
    m21: [800, 900], text21: NEW_ROAD_TEXT,
  }),
  road({
    code: 'JC2021-11', name: '南通路打通工程', total: 7000, annual: 6000, batches: ['start'],
    description: '打通南通路断头路段。',
    at: gx(35.2290, 113.3120, '南通路（丰收路至人民路）断头路段'),
    planned: '2020-12-10 2021-03-12 2021-03-26 2021-07-31 2021-08-31 2021-09-30', actual: '2020-12-10 2021-03-10',
    m21: [400, 600], text21: SIGNED_ROAD_TEXT,
  }),
  road({
    code: 'JC2021-12', name: '人民路东段综合改造工程', total: 11000, annual: 8000, batches: ['start'],
    at: gx(35.2210, 113.3150, '人民路（世纪路至东海大道）'),
    planned: '2020-12-15 2021-03-19 2021-03-31 2021-08-31 2021-10-31 2021-11-15', actual: '2020-12-15',
    m21: [400, 800], text21: NEW_ROAD_TEXT, note21: [null, '杆线迁移费用尚未结算'],
  }),
  road({
    code: 'JC2021-13', name: '大沙河北岸滨河路工程', total: 24000, annual: 12000, batches: ['start'],
    at: gx(35.1985, 113.2950, '大沙河北岸（山阳路至东海大道）'),
    planned: '2020-10-25 2021-03-18 2021-03-30 2021-10-31 2021-12-31 2022-01-31', actual: '2020-10-25',
    m21: [900, 1200], text21: NEW_ROAD_TEXT,
  }),
  road({
    code: 'JC2021-14', name: '普济河桥梁改造工程', total: 5000, annual: 4000, batches: ['start'],
    at: gx(35.2270, 113.2880, '迎宾路跨普济河桥'),
    planned: '2020-12-20 2021-03-10 2021-03-25 2021-06-30 2021-07-31 2021-08-15', actual: '2020-12-20 2021-03-09',
    m21: [250, 450], text21: SIGNED_ROAD_TEXT,
  }),
  road({
    code: 'JC2021-15', name: '建设路东延工程', total: 10000, annual: 7000, batches: ['start'],
    at: gx(35.2390, 113.3240, '建设路东延段'),
    planned: '2020-11-05 2021-03-19 2021-03-31 2021-08-31 2021-10-31 2021-11-30', actual: '2020-11-05',
    m21: [500, 700], text21: NEW_ROAD_TEXT,
  }),
];

const CITY: SeedProject[] = [
  {
    code: 'CJ2021-01', name: '沁泉湖公园综合水景工程', category: 'urban', lead: 'GJJ', leader: 'leader_ma', total: 8500, annual: 8000, batches: ['start'],
    description: '沁泉湖公园水体循环、音乐喷泉及滨水景观提升。',
    at: gx(35.2330, 113.2700, '沁泉湖公园'),
    planned: '2020-11-15 2021-02-28 2021-03-20 2021-07-31 2021-09-15 2021-09-30', actual: '2020-11-15 2021-02-26',
    m21: [0, 1400],
    text21: ['施工图设计审查，施工招标文件编制', '2月26日签订施工合同，支付设计费及工程预付款，计划3月20日开工'],
  },
  {
    code: 'CJ2021-02', name: '街景节点绿化提升工程', category: 'urban', lead: 'GJJ', leader: 'leader_ma', total: 3200, annual: 3200,
    description: '人民路、迎宾路等12处街景节点绿化提升，散布全区，不设单一坐标。',
    planned: '2020-12-20 2021-03-05 2021-03-22 2021-05-31 2021-06-20 2021-06-30', actual: '2020-12-20 2021-03-04',
    m21: [0, 550],
    text21: ['12处节点设计方案征求意见', '苗木采购招标完成，支付苗木订金，计划3月下旬栽植'],
  },
  {
    code: 'CJ2021-03', name: '智慧城市“一张网”建设项目', category: 'urban', lead: 'JFJ', leader: 'leader_ma', total: 12000, annual: 6000,
    description: '城市治理“一张网”：城市运行管理平台、视频感知和数据共享交换。',
    planned: '2020-10-10 2021-01-31 2021-04-15 2021-09-30 2021-11-30 2021-12-31', actual: '2020-10-10 2021-01-29',
    m21: [0, 1000],
    text21: ['1月29日签订建设合同', '支付合同首付款，完成需求调研和总体设计'],
  },
];

export const CITY_PROJECTS: SeedProject[] = [...ROADS, ...CITY];
