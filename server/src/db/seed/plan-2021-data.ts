import type { SeedPlan } from './plan-types.js';
import { COMPLEX, ENT, FARM, HNTE, INCUB, INV, JOBS, LIVE, PROJ, PROJINV, ROAD, SHELL, SODA, TRAIN, TSME, VPLAN } from './plan-2021-indicators.js';

/*
 * 焦作高新区2021年工作计划 — the seed page's seven 聚焦, every initiative paragraph (举措) with its text,
 * and the projects, enterprises and works it names as tasks (任务). Lead and co-units are DEMO_UNITS
 * codes; 分管领导 and owners are demo usernames (plan-leaders.ts); both are inherited down the tree
 * when an item names none.
 *
 * Every number on the page and where it went (S- codes are in the strategic plan, plan-strategic.ts):
 *
 * | page phrase                                   | code           | item                              | kind                 | target | unit     |
 * |-----------------------------------------------|----------------|-----------------------------------|----------------------|--------|----------|
 * | 火炬统计工作连续5年受到科技部火炬中心表彰     | S-TORCH-2020   | 战略 4.1 火炬统计工作             | level (2020, 4→5)    | 5      | 年       |
 * | 在全国高新区最新排名上升8位                   | S-RANK-2020    | 战略 4.3 全国高新区排名争先进位   | change, decrease     | 8      | 位       |
 * | 蒙牛百亿产业集群                              | CL-MN-2021     | 战略 5.1 蒙牛百亿产业集群         | amount               | 100    | 亿元     |
 * | 装备制造百亿产业集群                          | CL-EQ-2021     | 战略 5.2 装备制造百亿产业集群     | amount               | 100    | 亿元     |
 * | 明仁50亿大健康产业集群                        | CL-MR-2021     | 战略 5.3 明仁50亿大健康产业集群   | amount               | 50     | 亿元     |
 * | 膜材料50亿产业集群                            | CL-MM-2021     | 战略 5.4 膜材料50亿产业集群       | amount               | 50     | 亿元     |
 * | 等4个主导产业集群                             | S-CLUSTER-2020 | 战略 5 产业名城的集聚发展区       | level (2020)         | 4      | 个       |
 * | 抓好新上、续建的43个工业项目                  | PROJ-2021      | 1.2 狠抓工业项目建设              | level (24 续建→43)   | 43     | 个       |
 * | 总投资98亿元                                  | PROJINV-2021   | 1.2 狠抓工业项目建设              | level (held at 98)   | 98     | 亿元     |
 * | 2021年完成投资50亿元                          | INV-2021       | 1.2 狠抓工业项目建设              | amount               | 50     | 亿元     |
 * | 明仁年产3亿瓶高端苏打水                       | SODA-2021      | 1.2.2 明仁苏打水项目投产          | level, annual (0→3)  | 3      | 亿瓶     |
 * | 等6个科技综合体建设                           | COMPLEX-2021   | 2.1 建设高层次平台载体            | level (held at 6)    | 6      | 个       |
 * | 全年力争新增孵化面积35万平方米                | INCUB-2021     | 2.1 建设高层次平台载体            | amount               | 35     | 万平方米 |
 * | 入驻企业100                                   | ENT-2021       | 2.1 建设高层次平台载体            | amount               | 100    | 家       |
 * | 国家高新技术企业…数量稳定增长 (no figure)     | HNTE-2021      | 2.2 培育高能级创新主体            | growth (≥ 0)         | 0      | %        |
 * | 国家科技型中小企业数量稳定增长 (no figure)    | TSME-2021      | 2.2 培育高能级创新主体            | growth (≥ 0)         | 0      | %        |
 * | 山阳路南及跨大沙河桥等15个路桥基础设施工程    | ROAD-2021      | 3.2 提升城市建设品质              | level (4 续建→15)    | 15     | 个       |
 * | 新建高标准良田6000亩                          | FARM-2021      | 4.1 推动乡村产业振兴              | amount               | 6000   | 亩       |
 * | 集体经济“空壳村”清零                          | SHELL-2021     | 4.2 激发农村经济活力              | level, decrease 3→0  | 0      | 个       |
 * | 到2021年年底…应编尽编                         | VPLAN-2021     | 4.3 实施乡村建设行动              | level (40→100)       | 100    | %        |
 * | 办好十件民生实事                              | LIVE-2021      | 6.2 着力办好民生实事              | amount, custom curve | 10     | 件       |
 * | 开展就业创业培训900人次以上                   | TRAIN-2021     | 6.3 加强就业和社保工作            | amount               | 900    | 人次     |
 * | 城镇新增就业4000人以上                        | JOBS-2021      | 6.3 加强就业和社保工作            | amount               | 4000   | 人       |
 *
 * Numbers that are names, structure or durations rather than targets: “25311” = 两个坚持 (strategic
 * items 1–2), 五个定位 (3–7), 三级目标 (8–10); 到2035年 = the strategic plan's end year; “三大改造” = tasks
 * 1.1.1–1.1.6; 5G = part of names (1.3.4); 三大空间, “多规合一”, “三农”, 三级书记, 五好, “四风” stay in
 * the descriptions; “1+5+8”招商体制 = task 5.2.2 (its teams belong to the investment module); “三散”等
 * 六项治理 = task 6.1.1 (the page names two of the six); 三年行动 ×3 = tasks 2.2.1, 6.3.1, 6.5.2;
 * 五年行动 = task 4.3.2; 一期 = task 6.4.3; “一张网” = task 6.5.3; 建党100周年 = the plan's description;
 * 2021.3.15 = the zone's business date. The header's phone number and editors are not plan data.
 */

const DUE = '2021-12-31';

export const ANNUAL_PLAN_2021: SeedPlan = {
  kind: 'annual',
  title: '焦作高新区2021年工作计划',
  description:
    '迈入新时代，开启新征程。焦作高新区全面贯彻新发展理念，坚定“25311”的目标定位，聚焦实体经济、创新驱动、品质提升、乡村振兴、改革开放、群众期盼、党建引领七个方面，奋力开创“又高又新”发展新局面，书写高质量发展新篇章，以优异成绩庆祝建党100周年。',
  startYear: 2021,
  endYear: 2021,
  levelLabels: ['聚焦', '举措', '任务'],
  isPublic: true,
  defaultStart: '2021-01-01',
  defaultDue: DUE,
  items: [
    {
      title: '聚焦实体经济 推动制造业高质量发展', lead: 'JFJ', leader: 'leader', owner: 'unit_head', weight: '25', isPublic: true,
      description: '坚持扩增量、优存量并举，加快推进传统产业升级改造、新兴产业快速崛起。',
      children: [
        {
          title: '纵深推进“三大改造”', lead: 'JFJ-GY', weight: '20', isPublic: true, align: ['dw-ind'],
          description: '纵深推进“三大改造”。实施智能化改造提效扩面行动，支持明仁药业、天宝桓祥、中轴股份、迈科冶金等企业创建智能工厂、智能车间。同时，实施绿色化改造提标示范行动、技术改造提速升级行动。',
          children: [
            { title: '支持明仁药业创建智能工厂、智能车间', description: '智能化改造提效扩面行动', align: ['dw-ind-mr'] },
            { title: '支持天宝桓祥创建智能工厂、智能车间', description: '智能化改造提效扩面行动' },
            { title: '支持中轴股份创建智能工厂、智能车间', description: '智能化改造提效扩面行动' },
            { title: '支持迈科冶金创建智能工厂、智能车间', description: '智能化改造提效扩面行动' },
            { title: '实施绿色化改造提标示范行动', co: ['ZRJ'] },
            { title: '实施技术改造提速升级行动' },
          ],
        },
        {
          title: '狠抓工业项目建设', lead: 'JFJ', co: ['ZSJ', 'GJJ', 'ZRJ'], owner: 'unit_head', weight: '30', isPublic: true, align: ['dw-ind', 'jc2'],
          indicators: [PROJ, PROJINV, INV],
          description: '狠抓工业项目建设。抓好新上、续建的43个工业项目，总投资98亿元，2021年完成投资50亿元，力保蒙牛公司常温发酵酸奶、明仁年产3亿瓶高端苏打水等项目投产，力推中轴智能制造产业园、天宝桓祥纳米级金刚石微粉等项目开工建设或主体建成。',
          children: [
            { title: '蒙牛公司常温发酵酸奶项目投产', due: '2021-06-30', align: ['dw-ind-mn'] },
            { title: '明仁年产3亿瓶高端苏打水项目投产', due: '2021-09-30', align: ['dw-ind-mr'], indicators: [SODA] },
            { title: '中轴智能制造产业园项目开工建设', due: '2021-05-31', co: ['GJJ'] },
            { title: '天宝桓祥纳米级金刚石微粉项目开工建设、主体建成', due: '2021-11-30', align: ['dw-ind-eq'] },
          ],
        },
        {
          title: '发力新基建新经济', lead: 'JFJ-GY', co: ['KJJ'], weight: '20', isPublic: true, align: ['dw-ind', 'dw-innov'],
          description: '发力新基建新经济。加强重点行业工业互联网平台试点示范，建好用好智能港口散货装卸输送设备工业互联网平台。支持名泽磁业、高森建等科技型企业扩产能、拓链条，扩大5G配套、新材料等新兴产业规模，培育创新型产业集群。围绕“5G+智慧工业”，建设好蒙牛5G智慧工厂等示范项目。',
          children: [
            { title: '建好用好智能港口散货装卸输送设备工业互联网平台' },
            { title: '支持名泽磁业扩产能、拓链条', description: '扩大5G配套、新材料等新兴产业规模' },
            { title: '支持高森建扩产能、拓链条', description: '扩大5G配套、新材料等新兴产业规模' },
            { title: '建设好蒙牛5G智慧工厂“5G+智慧工业”示范项目', due: '2021-03-31', manual: '100', align: ['dw-ind-mn'], description: '蒙牛百亿集群·焦作5G智慧工厂已举行竣工投产仪式。' },
            { title: '蜂鸟无人机产业园', co: ['ZSJ'], description: '培育创新型产业集群，扩大新兴产业规模。' },
          ],
        },
        {
          title: '发展生产性服务业', lead: 'JFJ', co: ['CZJ', 'KJJ'], weight: '15', isPublic: true, align: ['dw-ind-psvc'],
          description: '发展生产性服务业。发挥中原工业设计城、数字经济产业园等园区的引领作用，提升工业设计、科技服务、技术研发、检验检测认证等生产性服务业发展水平。持之以恒引金入区，逐步打造焦作的金融中心。积极对接中方检测实验室整装产业园项目，逐步打造河南省检验检测高地。',
          children: [
            { title: '发挥中原工业设计城、数字经济产业园等园区引领作用' },
            { title: '持之以恒引金入区，逐步打造焦作的金融中心', lead: 'CZJ', leader: 'leader_yang' },
            { title: '对接中方检测实验室整装产业园项目，逐步打造河南省检验检测高地', lead: 'ZSJ', co: ['KJJ'], align: ['mb-prov'] },
          ],
        },
        {
          title: '提升企业服务水平', lead: 'QFZ', co: ['JFJ', 'CZJ', 'GJJ'], weight: '15', isPublic: true, align: ['dw-ind', 'jc2'],
          description: '提升企业服务水平。开展本土企业培优扶强行动，高效利用土地资源。加大企业上市力度，加快产业集聚区规划修编，落实“首席服务官”制度，提升企业家队伍、干部队伍综合素质。',
          children: [
            { title: '开展本土企业培优扶强行动，高效利用土地资源', co: ['ZRJ'] },
            { title: '加大企业上市力度', lead: 'CZJ', leader: 'leader_yang' },
            { title: '加快产业集聚区规划修编', lead: 'GJJ', co: ['JFJ'], leader: 'leader_ma', due: '2021-09-30' },
            { title: '落实“首席服务官”制度', description: '提升企业家队伍、干部队伍综合素质。' },
          ],
        },
      ],
    },
    {
      title: '聚焦创新驱动 激活发展第一动力', lead: 'KJJ', leader: 'leader_yang', weight: '20', isPublic: true,
      description: '准确把握国家高新区创新驱动发展示范区、高质量发展先行区的新定位，对标找差、争先进位，加快建设区域创新增长极，争当新兴科创名城建设的排头兵。',
      children: [
        {
          title: '建设高层次平台载体', lead: 'KJJ', co: ['GJJ', 'ZSJ'], weight: '40', isPublic: true, align: ['dw-innov', 'mb-city-pioneer'],
          indicators: [COMPLEX, INCUB, ENT],
          description: '建设高层次平台载体。加快河南理工大学科技园、数字经济产业园、创业服务中心、科技总部新城、创基智谷、中德科技园等6个科技综合体建设，加强管理、服务、考核，全年力争新增孵化面积35万平方米，入驻企业100家。',
          children: [
            { title: '河南理工大学科技园', align: ['dw-innov-sc'] },
            { title: '数字经济产业园', co: ['JFJ'] },
            { title: '创业服务中心', align: ['dw-innov-sc'] },
            { title: '科技总部新城', co: ['GJJ'] },
            { title: '创基智谷' },
            { title: '中德科技园', co: ['ZSJ'] },
          ],
        },
        {
          title: '培育高能级创新主体', lead: 'KJJ', co: ['KJJ-HJ'], weight: '35', isPublic: true, align: ['dw-innov', 'dw-innov-rank', 'mb-nation'],
          indicators: [HNTE, TSME],
          description: '培育高能级创新主体。继续实施国家高新技术企业培育三年行动，保持国家高新技术企业、国家科技型中小企业数量稳定增长。',
          children: [{ title: '继续实施国家高新技术企业培育三年行动' }],
        },
        {
          title: '开展高质量校地合作', lead: 'KJJ', co: ['ZSJ'], weight: '25', isPublic: true, align: ['dw-innov', 'mb-city-pioneer'],
          description: '开展高质量校地合作。大力实施创新资源引进行动，吸引高校、科研院所到焦作高新区设立新型研发机构、联合研发中心、协同创新中心、中试基地、科技成果转化基地、技术转移转化服务机构等各类创新平台。',
          children: [{ title: '大力实施创新资源引进行动', description: '吸引高校、科研院所设立新型研发机构、联合研发中心、协同创新中心、中试基地、科技成果转化基地、技术转移转化服务机构等各类创新平台。' }],
        },
      ],
    },
    {
      title: '聚焦品质提升 推进城市发展高质量', lead: 'GJJ', leader: 'leader_ma', weight: '15', isPublic: true,
      description: '完善城市功能，提升城市品质，打造居者心悦、来者心怡的宜居宜业新区，让市民在城市生活得更舒心、更幸福。',
      children: [
        {
          title: '完善城市规划体系', lead: 'GJJ', co: ['ZRJ'], weight: '30', isPublic: true, align: ['dw-core', 'mb-city-quality'],
          description: '完善城市规划体系。统筹生态、生产、生活三大空间，统筹公共服务设施、基础设施、生态修复等各类专项规划，建立“多规合一”的国土空间规划体系，以科学规划引领城市内涵式发展。启动科创名城总体设计，明确各产业功能区功能定位，合理布局功能区建设所需的创新机构、人力资源、基础设施、公共服务等关键要素。',
          children: [
            { title: '建立“多规合一”的国土空间规划体系', lead: 'ZRJ', co: ['GJJ'] },
            { title: '启动科创名城总体设计', co: ['KJJ'], due: '2021-06-30', align: ['mb-city-pioneer'] },
          ],
        },
        {
          title: '提升城市建设品质', lead: 'GJJ', co: ['ZRJ', 'WCJD'], weight: '45', isPublic: true, align: ['dw-core', 'dw-core-infra', 'dw-tour'],
          indicators: [ROAD],
          description: '提升城市建设品质。加快推进山阳路南及跨大沙河桥等15个路桥基础设施工程，拉开城市发展框架。打通阳明路等断头路，改善交通微循环。实施沁泉湖公园综合水景、街景节点绿化提升等工程，持续优化人居环境。',
          children: [
            { title: '山阳路南及跨大沙河桥工程', align: ['dw-core-river'] },
            { title: '打通阳明路等断头路', due: '2021-10-31' },
            { title: '沁泉湖公园综合水景工程', co: ['ZRJ'], due: '2021-09-30', align: ['dw-tour-eco'] },
            { title: '街景节点绿化提升工程', co: ['WCJD'], due: '2021-06-30' },
          ],
        },
        {
          title: '提高城市治理水平', lead: 'GJJ', co: ['WCJD', 'YMZ', 'SJZX'], weight: '25', isPublic: true, align: ['dw-core', 'mb-city-quality'],
          description: '提高城市治理水平。坚持常态化城市创建，以绣花功夫推进城市治理精细化。探索推进城市管理综合执法，提升城市治理效能。抓好生活垃圾分类，确保分得清、收得齐、运得走、处理好。',
          children: [
            { title: '坚持常态化城市创建，推进城市治理精细化', co: ['WCJD'] },
            { title: '探索推进城市管理综合执法' },
            { title: '抓好生活垃圾分类', co: ['WCJD', 'YMZ', 'SJZX'], description: '确保分得清、收得齐、运得走、处理好。' },
          ],
        },
      ],
    },
    {
      title: '聚焦乡村振兴 加快农业农村现代化', lead: 'NYJ', leader: 'leader_he', weight: '10', isPublic: true,
      description: '把握“三农”工作重心的历史性转移，强化三级书记抓乡村振兴的工作机制，促进农业高质高效、乡村宜居宜业、农民富裕富足。',
      children: [
        {
          title: '推动乡村产业振兴', lead: 'NYJ', co: ['WCJD', 'YMZ', 'SJZX'], weight: '40', isPublic: true, align: ['dw-rural', 'dw-tour-axis'],
          indicators: [FARM],
          description: '推动乡村产业振兴。抓好粮食生产，新建高标准良田6000亩。支持文昌果蔬基地、苏家作蔬菜基地等优质农产品发展壮大，以绿色有机农产品拓展高端市场。支持文昌、阳庙、苏家作发挥自身优势，开发休闲农业和乡村旅游精品线路，打造农业休闲观光园区。',
          children: [
            { title: '支持文昌果蔬基地发展壮大', lead: 'WCJD', co: ['NYJ'] },
            { title: '支持苏家作蔬菜基地发展壮大', lead: 'SJZX', co: ['NYJ'] },
            { title: '开发休闲农业和乡村旅游精品线路，打造农业休闲观光园区', co: ['WCJD', 'YMZ', 'SJZX', 'SYJ'], align: ['dw-tour-axis'] },
          ],
        },
        {
          title: '激发农村经济活力', lead: 'NYJ', co: ['CZJ', 'WCJD', 'YMZ', 'SJZX'], weight: '30', isPublic: true, align: ['dw-rural'],
          indicators: [SHELL],
          description: '激发农村经济活力。深化农村集体产权制度改革，实施新型农村集体经济振兴行动，实现集体经济“空壳村”清零，增强村级组织“造血”功能。',
          children: [
            { title: '深化农村集体产权制度改革' },
            { title: '实施新型农村集体经济振兴行动', co: ['YMZ', 'SJZX'] },
          ],
        },
        {
          title: '实施乡村建设行动', lead: 'NYJ', co: ['ZRJ', 'GJJ', 'WCJD', 'YMZ', 'SJZX'], weight: '30', isPublic: true, align: ['dw-rural', 'dw-rural-infra', 'mb-city-model'],
          indicators: [VPLAN],
          description: '实施乡村建设行动。加快编制接地气、可执行的实用性村庄规划，到2021年年底，有条件有需求的村庄实现应编尽编。实施农村人居环境整治提升五年行动，打造一批班子好、生态好、服务好、治理好、发展好的新时代五好新农村。',
          children: [
            { title: '编制接地气、可执行的实用性村庄规划', lead: 'ZRJ', co: ['NYJ'] },
            { title: '实施农村人居环境整治提升五年行动，打造新时代五好新农村', co: ['WCJD', 'YMZ', 'SJZX'] },
          ],
        },
      ],
    },
    {
      title: '聚焦改革开放 持续优化营商环境', lead: 'ZSJ', leader: 'leader', weight: '10', isPublic: true,
      description: '坚持以改革催生新气象，以开放激发新活力，推动新时代改革开放行稳致远。',
      children: [
        {
          title: '深化重点领域改革', lead: 'DZB', co: ['CZJ', 'JFJ'], weight: '30', isPublic: true, align: ['jc2'],
          description: '深化重点领域改革。深化管理体制改革、投融资体制改革、公共资源交易领域改革、要素配置市场化改革，助力高质量发展。',
          children: [
            { title: '深化管理体制改革', co: ['MBB'] },
            { title: '深化投融资体制改革', lead: 'CZJ', leader: 'leader_yang' },
            { title: '深化公共资源交易领域改革', lead: 'CZJ', leader: 'leader_yang' },
            { title: '深化要素配置市场化改革', lead: 'JFJ', co: ['ZRJ'] },
          ],
        },
        {
          title: '推进更高水平开放', lead: 'ZSJ', co: ['JFJ', 'KJJ'], weight: '40', isPublic: true, align: ['jc2', 'dw-ind'],
          description: '推进更高水平开放。明确招商重点，突出产业招商、园区招商、科技招商，引进科技含量高、成长性好的高新技术企业、高科技项目；提升招商能力；精准找到目标企业，提高招商引资成功率；完善招商机制；充分发挥“1+5+8”招商体制作用，切实提高招商效率。',
          children: [
            { title: '突出产业招商、园区招商、科技招商', description: '引进科技含量高、成长性好的高新技术企业、高科技项目；精准找到目标企业，提高招商引资成功率。' },
            { title: '充分发挥“1+5+8”招商体制作用，切实提高招商效率' },
            { title: '对接粤港澳大湾区教育装备产业专题招商推介暨项目签约', due: '2021-03-31', manual: '100', description: '焦作市对接粤港澳大湾区教育装备产业专题招商推介暨项目签约活动已举办。' },
          ],
        },
        {
          title: '打造良好营商环境', lead: 'QFZ', co: ['DZB', 'JFJ'], weight: '30', isPublic: true, align: ['jc2', 'mb-prov'],
          description: '打造良好营商环境。纵深推进“放管服”改革，营造诚信市场环境，建立长效工作机制，不断提升政府部门涉企服务质量和效率。',
          children: [
            { title: '纵深推进“放管服”改革', lead: 'DZB' },
            { title: '营造诚信市场环境，建立长效工作机制', description: '不断提升政府部门涉企服务质量和效率。' },
          ],
        },
      ],
    },
    {
      title: '聚焦群众期盼 不断增进民生福祉', lead: 'SYJ', leader: 'leader_he', weight: '12', isPublic: true,
      description: '牢记人民就是江山、江山就是人民，坚持人民至上，坚持共同富裕，加快补齐民生领域短板，提升民生保障和公共服务水平。',
      children: [
        {
          title: '继续打好污染防治攻坚战', lead: 'ZRJ', co: ['JFJ', 'NYJ', 'WCJD', 'YMZ', 'SJZX'], leader: 'leader_ma', weight: '20', isPublic: true, align: ['dw-tour-eco'],
          description: '继续打好污染防治攻坚战。持续抓好工业企业、“三散”等六项治理，在强化治标措施落实的同时，以更大力度调整产业、能源、运输、用地和农业投入结构。',
          children: [
            { title: '持续抓好工业企业、“三散”等六项治理', co: ['JFJ', 'WCJD', 'YMZ', 'SJZX'] },
            { title: '调整产业、能源、运输、用地和农业投入结构', co: ['JFJ', 'NYJ'] },
          ],
        },
        {
          title: '着力办好民生实事', lead: 'SYJ', co: ['CZJ', 'GJJ', 'NYJ'], weight: '20', isPublic: true, align: ['dw-rural', 'dw-rural-infra'],
          indicators: [LIVE],
          description: '着力办好民生实事。今年，围绕教育、农村基础设施、卫生健康、住房保障等重点领域，加大民生投入力度，办好十件民生实事。',
        },
        {
          title: '加强就业和社保工作', lead: 'SYJ', weight: '25', isPublic: true, align: ['dw-rural-jobs', 'dw-rural-health'],
          indicators: [TRAIN, JOBS],
          description: '加强就业和社保工作。落实职业技能提升三年行动计划，开展就业创业培训900人次以上。城镇新增就业4000人以上。全面落实社保政策，坚决兜住民生底线。',
          children: [
            { title: '落实职业技能提升三年行动计划' },
            { title: '全面落实社保政策，坚决兜住民生底线' },
          ],
        },
        {
          title: '坚持教育优先发展', lead: 'SYJ', co: ['GJJ'], weight: '20', isPublic: true, align: ['dw-rural-edu'],
          description: '坚持教育优先发展。继续深化“名师名校名校长”培育工程，与北京师范大学开展务实合作。集中力量兴办一批市级名校，提升基础教育质量，让群众就近上好学。黄河生物科技学院一期工程建成投用。',
          children: [
            { title: '深化“名师名校名校长”培育工程，兴办一批市级名校' },
            { title: '与北京师范大学开展务实合作' },
            { title: '黄河生物科技学院一期工程建成投用', co: ['GJJ'], due: '2021-08-31' },
          ],
        },
        {
          title: '提高社会治理能力', lead: 'DZB', co: ['YJJ', 'JFJ', 'WCJD', 'YMZ', 'SJZX'], leader: 'leader_ma', weight: '15', isPublic: true, align: ['dw-core', 'mb-city-quality'],
          description: '提高社会治理能力。深入推进平安示范区建设，建立健全扫黑除恶长效机制。落实安全生产责任制，深入实施安全生产专项整治三年行动计划。实施智慧城市建设项目，推动城市治理创新，探索搭建城市治理“一张网”。',
          children: [
            { title: '深入推进平安示范区建设，建立健全扫黑除恶长效机制', co: ['WCJD', 'YMZ', 'SJZX'] },
            { title: '落实安全生产责任制，深入实施安全生产专项整治三年行动计划', lead: 'YJJ' },
            { title: '实施智慧城市建设项目，探索搭建城市治理“一张网”', lead: 'JFJ-GY', co: ['GJJ', 'DZB'] },
          ],
        },
      ],
    },
    {
      title: '聚焦党建引领 夯实高质量发展根基', lead: 'DGB', leader: 'leader_guo', weight: '8', isPublic: true,
      description: '坚持党的领导、加强党的建设是事业发展的根本保证，必须紧扣发展抓党建、持之以恒转作风。',
      children: [
        {
          title: '练就过硬本领', lead: 'DGB', weight: '25', isPublic: true, align: ['jc1'],
          description: '练就过硬本领。重点提高全区干部政治能力、改革攻坚能力、应对风险的能力、群众工作能力、抓落实能力。',
        },
        {
          title: '夯实基层基础', lead: 'DGB', co: ['WCJD', 'YMZ', 'SJZX'], weight: '25', isPublic: true, align: ['jc1'],
          description: '夯实基层基础。树立大抓基层鲜明导向，大力实施固本强基行动、“头雁培育”行动、“党建+”行动，锻造更加坚强有力的基层党组织。',
          children: [{ title: '实施固本强基行动' }, { title: '实施“头雁培育”行动' }, { title: '实施“党建+”行动' }],
        },
        {
          title: '加强作风建设', lead: 'DGB', weight: '25', isPublic: true, align: ['jc1'],
          description: '加强作风建设。强化规矩意识，坚决反对“四风”，弘扬优良作风，守住廉洁底线，竭尽全力在示范区高质量发展进程中展现自己的作为、留下自己的痕迹。',
        },
        {
          title: '完善工作机制', lead: 'MBB', co: ['DGB'], weight: '25', isPublic: true, align: ['jc1', 'jc2'],
          description: '完善工作机制。强化责任落实、督查督导、正负激励，着力完善工作绩效考核评价体系，引导和激励全区各级各部门、广大企业创先争优。',
          children: [
            { title: '强化责任落实、督查督导、正负激励' },
            { title: '完善工作绩效考核评价体系' },
          ],
        },
      ],
    },
  ],
};
