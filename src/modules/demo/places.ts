/**
 * Place and unit names of the demo county. The county is fictitious; its ID-number area code sits in the 3301xx
 * range (a Zhejiang prefecture), so the minorities are mostly 畲族 and the mobile members go to the Yangtze delta.
 */
import type { Rng } from './rng.js';

export const COUNTIES: readonly { name: string; areaCode: string }[] = [
  { name: '云溪县', areaCode: '330127' },
  { name: '青禾县', areaCode: '330122' },
  { name: '桐川县', areaCode: '330124' },
  { name: '柳塘县', areaCode: '330126' },
  { name: '枫岭县', areaCode: '330128' },
  { name: '松源县', areaCode: '330129' },
];

/** Birthplaces of people who moved in: the same prefecture, and the provinces that send people to Zhejiang. */
export const OTHER_AREA_CODES = [
  '330102', '330105', '330106', '330108', '330110', '330182', '330185', // same prefecture
  '340102', '360102', '320102', '410102', '510104', '420102', '430102', '350102', '370102', '130102', '522601',
] as const;

const PLACE_FIRST = '东西南北上下大小前后新老白黄青金石龙凤桃柳梅竹松枫杨双高长安永太清溪云马龟鹤';
const PLACE_SECOND = '溪源山岭坑塘湾桥坞岙口头坪田畈林川河洋塘垟岩村庄店埠阳';

/** Two-character place names, distinct within the county. */
export class PlaceNames {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  take(fixed?: string): string {
    if (fixed && !this.used.has(fixed)) {
      this.used.add(fixed);
      return fixed;
    }
    for (let tries = 0; ; tries++) {
      const a = PLACE_FIRST[this.rng.int(0, PLACE_FIRST.length - 1)]!;
      const b = PLACE_SECOND[this.rng.int(0, PLACE_SECOND.length - 1)]!;
      // Past a few thousand names, add a third character (上张家, 新桥头) so a huge county still has distinct names.
      const name = tries > 50 ? a + b + PLACE_SECOND[this.rng.int(0, PLACE_SECOND.length - 1)]! : a + b;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

export const COMMUNITY_WORDS = [
  '府前', '文昌', '新华', '人民', '解放', '建设', '和平', '胜利', '锦绣', '滨江', '金桥', '望江', '翠苑', '阳光',
  '学府', '花园', '城南', '城北', '东门', '西门', '南门', '北门', '新城', '秀水', '康乐', '紫金', '鼓楼', '明珠',
] as const;

/** 县直机关 departments, largest weight first: the police, courts and tax office run several branches. */
export const DEPARTMENTS: readonly (readonly [string, number])[] = [
  ['县公安局', 9], ['县人民法院', 4], ['县人民检察院', 3], ['国家税务总局县税务局', 4], ['县自然资源和规划局', 3],
  ['县综合行政执法局', 3], ['县市场监督管理局', 3], ['县委办公室', 2], ['县政府办公室', 2], ['县纪委县监委机关', 2],
  ['县委组织部', 1.5], ['县委宣传部', 1.2], ['县委统战部', 1], ['县委政法委', 1], ['县委党校', 1.2], ['县人大常委会办公室', 1.2],
  ['县政协办公室', 1], ['县发展和改革局', 1.5], ['县经济和信息化局', 1.2], ['县教育局机关', 1.5], ['县科学技术局', 0.8],
  ['县民政局', 1.2], ['县司法局', 1.5], ['县财政局', 1.5], ['县人力资源和社会保障局', 1.5], ['县住房和城乡建设局', 1.8],
  ['县交通运输局', 1.8], ['县水利局', 1.5], ['县农业农村局', 2], ['县商务局', 0.8], ['县文化和广电旅游体育局', 1.5],
  ['县卫生健康局机关', 1], ['县退役军人事务局', 0.8], ['县应急管理局', 1], ['县审计局', 0.8], ['县统计局', 0.6],
  ['县医疗保障局', 0.8], ['县林业局', 1.2], ['县信访局', 0.6], ['县委巡察工作领导小组办公室', 0.6], ['县委机构编制委员会办公室', 0.5],
  ['县机关事务管理中心', 0.8], ['县总工会', 0.6], ['共青团县委', 0.4], ['县妇女联合会', 0.4], ['县科学技术协会', 0.4],
  ['县残疾人联合会', 0.4], ['县工商业联合会', 0.4], ['县供销合作社联合社', 0.8], ['县气象局', 0.4], ['县档案馆', 0.4],
  ['县数据资源管理局', 0.5], ['生态环境局县分局', 0.8], ['县融媒体中心', 1.2], ['县农业技术推广中心', 0.8],
];

/** Departments whose party organization is a unit of 事业单位 rather than 机关. */
export const INSTITUTION_DEPARTMENTS = new Set(['县融媒体中心', '县农业技术推广中心', '县档案馆', '县机关事务管理中心']);

export const COUNTY_HOSPITALS: readonly (readonly [string, number])[] = [
  ['县人民医院', 10], ['县中医院', 5], ['县妇幼保健院', 2], ['县疾病预防控制中心', 1.2], ['县第二人民医院', 3],
  ['县精神卫生中心', 0.8], ['县急救中心', 0.6], ['县卫生监督所', 0.4],
];

export const HOSPITAL_DEPARTMENTS = ['内科', '外科', '医技', '护理', '行政后勤', '门诊', '妇产儿科'] as const;

export const COUNTY_SCHOOLS: readonly (readonly [string, number])[] = [
  ['县中学', 6], ['县第二中学', 4], ['县职业中等专业学校', 3], ['县实验小学', 3], ['县实验初级中学', 3], ['县城关中学', 2.5],
  ['县城关第一小学', 2], ['县城关第二小学', 2], ['县实验幼儿园', 1], ['县特殊教育学校', 0.5], ['县教师发展中心', 0.8],
];

export const SOES: readonly (readonly [string, number])[] = [
  ['县城市建设投资集团有限公司', 4], ['县交通投资集团有限公司', 3], ['县水务集团有限公司', 2.5], ['县文化旅游发展集团有限公司', 2],
  ['县国有资本运营有限公司', 1.5], ['县农业发展投资有限公司', 1.5], ['县粮食收储有限公司', 1], ['县公共交通有限公司', 1.5],
  ['县供水有限公司', 1], ['县建设工程质量检测有限公司', 0.6], ['县人才发展集团有限公司', 0.6], ['县产业投资发展有限公司', 1],
];

const FIRM_WORDS = '华宏鑫盛泰达恒瑞丰源兴隆信诚浩康远航金天禾新锦创';
const FIRM_TRADES = [
  '食品', '竹木制品', '茶业', '机械制造', '电子科技', '纺织', '建材', '新材料', '物流', '电子商务', '旅游开发', '医药',
  '水产', '农业开发', '建筑工程', '汽车配件', '包装', '光电', '文化传媒', '生物科技',
] as const;

export function firmName(rng: Rng, county: string): string {
  const a = FIRM_WORDS[rng.int(0, FIRM_WORDS.length - 1)]!;
  const b = FIRM_WORDS[rng.int(0, FIRM_WORDS.length - 1)]!;
  return `${county.replace('县', '')}${a}${b}${rng.pick(FIRM_TRADES)}${rng.chance(0.3) ? '股份' : ''}有限公司`;
}

export const SOCIAL_ORGS = [
  '县个体劳动者协会', '县物流行业协会', '县慈善总会', '县老年大学', '县社会工作服务中心', '县红十字会', '县茶叶行业协会',
  '县养老服务中心', '县民办教育协会', '县电子商务协会', '县建筑业协会', '县家政服务协会', '县青年创业促进会',
] as const;

/** Joint branches (联合党支部) of small units, by trade or by area. */
export const JOINT_BRANCHES = [
  '律师行业', '会计师事务所行业', '小微企业', '电子商务产业园', '商贸市场', '快递物流行业', '民办幼儿园', '城东商圈',
  '城西工业园', '农民专业合作社', '家庭农场', '网约配送员', '民宿行业', '汽车维修行业',
] as const;

export const TEMPORARY_BRANCHES: readonly { name: string; parent: 'county' | 'town' | 'soe' }[] = [
  { name: '县重点工程建设指挥部', parent: 'soe' },
  { name: '乡村振兴驻村工作队', parent: 'town' },
  { name: '县委巡察组', parent: 'county' },
  { name: '县城有机更新项目', parent: 'soe' },
  { name: '防汛防台抢险突击队', parent: 'town' },
  { name: '县党员干部教育培训班', parent: 'county' },
];

/** Where the mobile members (流动党员) work: the county's own province first, then the delta and the south. */
export const MOBILE_DESTINATIONS: readonly (readonly [string, number])[] = [
  ['浙江省杭州市西湖区', 8], ['浙江省杭州市萧山区', 6], ['浙江省宁波市鄞州区', 5], ['浙江省义乌市', 6], ['浙江省温州市鹿城区', 3],
  ['浙江省绍兴市柯桥区', 3], ['上海市浦东新区', 6], ['上海市闵行区', 3], ['江苏省苏州市工业园区', 4], ['江苏省南京市江宁区', 2],
  ['广东省深圳市宝安区', 4], ['广东省广州市白云区', 2], ['福建省厦门市思明区', 2], ['北京市朝阳区', 2], ['安徽省合肥市蜀山区', 1],
  ['新疆维吾尔自治区乌鲁木齐市天山区', 0.5], ['江西省南昌市红谷滩区', 0.5], ['四川省成都市武侯区', 1],
];

/** Where members transferred out went (转出组织关系), for the note. */
export const TRANSFER_DESTINATIONS = [
  '杭州市西湖区', '杭州市拱墅区', '宁波市海曙区', '上海市浦东新区', '金华市婺城区', '衢州市柯城区', '苏州市姑苏区',
  '深圳市南山区', '本省其他县（市、区）',
] as const;
