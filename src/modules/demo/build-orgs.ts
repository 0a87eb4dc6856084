/**
 * The demo county's organization tree, scaled by the number of members. At the default 25,000: one 县委; about 15
 * 乡镇党委 with ~250 village branches, 2 街道党工委 with ~30 community branches; a 县直机关工委 with office,
 * institution and retired cadres' branches; 党委 for education (schools), health (hospitals) and state firms; a
 * 两新工委 with firms, 联合党支部 and social organizations; a few 临时党支部; 党小组 in large villages.
 * Member shares by sector follow party-statistics.md §3e (≈45% villages, 8% communities, 20% 机关 …).
 */
import { addDays, addMonths } from '../../shared/dates.js';
import type { Sector } from '../../shared/vocab.js';
import type { DemoFrame, OrgPlan, Profile } from './demo-types.js';
import { lineageSurname, SHE_SURNAMES } from './names.js';
import { allocate, drawSizes, ordinal, OrgTree } from './org-tree.js';
import { planExtensions } from './org-setup.js';
import {
  COMMUNITY_WORDS, COUNTY_HOSPITALS, COUNTY_SCHOOLS, DEPARTMENTS, firmName, HOSPITAL_DEPARTMENTS, INSTITUTION_DEPARTMENTS,
  JOINT_BRANCHES, PlaceNames, SOCIAL_ORGS, SOES, TEMPORARY_BRANCHES,
} from './places.js';
import { daysBetween, Rng } from './rng.js';

const SHARES = { village: 0.46, community: 0.08, office: 0.19, retired: 0.03, hospital: 0.06, school: 0.08, soe: 0.04, private: 0.04, social: 0.02 };
const SOCIAL_JOINT = new Set(['律师行业', '会计师事务所行业', '民办幼儿园']);
const POLICE_UNITS = ['机关', '治安管理大队', '刑事侦查大队', '交通警察大队', '城关派出所', '特巡警大队', '经济犯罪侦查大队', '看守所'];

/** Names of the branches of a big school or hospital, by its departments or grades; others are numbered. */
function subUnits(unit: string): readonly string[] | undefined {
  if (/医院|保健院/.test(unit)) return HOSPITAL_DEPARTMENTS;
  if (/县(第二)?中学$/.test(unit)) return ['高一年级', '高二年级', '高三年级', '行政后勤'];
  if (/初级中学|城关中学/.test(unit)) return ['初一年级', '初二年级', '初三年级', '行政后勤'];
  return undefined;
}

export function buildOrgs(frame: DemoFrame): OrgPlan[] {
  const rng = Rng.derive(frame.seed, 'orgs');
  const tree = new OrgTree(rng, frame);
  const places = new PlaceNames(rng);
  const county = frame.county.name;
  const f = frame.members / 25_000;
  const keys = Object.keys(SHARES) as (keyof typeof SHARES)[];
  const shares = allocate(frame.members, Object.values(SHARES));
  const budget = Object.fromEntries(keys.map((k, i) => [k, shares[i]!])) as Record<keyof typeof SHARES, number>;
  const startYear = frame.fromYear;
  /** Most units were founded long ago; a few firms and associations set up their branch during the years generated. */
  const foundedRecently = () => addDays(frame.start, rng.int(0, Math.max(0, Math.min(600, daysBetween(frame.start, frame.end) - 60))));

  tree.add(null, { name: `中共${county}委员会`, kind: '党委', sector: '机关', established: rng.dateBetween('1949-05-01', '1949-12-31'), election: tree.cycleElection(5, 2021, 7, 10) });

  // 乡镇: village branches, a 机关 branch each, a 乡镇社区 in some; their schools and 卫生院 come under the systems.
  const towns = Math.max(2, Math.round(15 * f));
  const townSchools: { town: string; name: string; size: number }[] = [];
  const clinics: { town: string; size: number }[] = [];
  const villageSizes = drawSizes(budget.village, 18, () => (rng.chance(0.05) ? rng.int(85, 140) : rng.around(42, 9, 20, 80)));
  const perTown = allocate(villageSizes.length, Array.from({ length: towns }, () => 0.6 + rng.next() * 0.8));
  const townCodes: string[] = [];
  let v = 0;
  for (let t = 0; t < towns; t++) {
    const town = t === 0 ? `${places.take('城关')}镇` : `${places.take()}${rng.chance(0.65) ? '镇' : '乡'}`;
    const org = tree.add('C', { name: `中共${county}${town}委员会`, kind: '党委', sector: '农村', established: tree.founded(1950, 2011), election: tree.cycleElection(5, 2021, 7, 10) });
    townCodes.push(org.code);
    const office = Math.min(budget.office, Math.round(rng.around(30, 7, 12, 48)));
    budget.office -= office;
    tree.unit(org.code, { fullName: `${county}${town}机关`, sector: '机关', profile: 'office', size: office, maxSingle: 50, branchSize: 30, established: tree.founded(1985, 2011) });
    for (let i = 0; i < perTown[t]!; i++, v++) {
      const she = rng.chance(0.03);
      const lineage = she ? rng.pick(SHE_SURNAMES) : rng.chance(0.7) ? lineageSurname(rng) : undefined;
      tree.unit(org.code, {
        fullName: `${county}${town}${places.take()}村`, sector: '农村', profile: 'village', size: villageSizes[v]!, maxSingle: 80, branchSize: 45,
        established: rng.chance(0.2) ? tree.founded(2019, 2020) : tree.founded(1950, 2005), rural: true, sheVillage: she, ...(lineage ? { lineage } : {}),
      });
    }
    if ((t === 0 || rng.chance(0.3)) && budget.community > 60) {
      const size = Math.round(rng.around(45, 12, 20, 80));
      budget.community -= size;
      tree.unit(org.code, { fullName: `${county}${town}${rng.pick(COMMUNITY_WORDS)}社区`, sector: '社区', profile: 'community', size, maxSingle: 85, branchSize: 40, established: tree.founded(2002, 2020), rural: true });
    }
    townSchools.push({ town, name: '中心小学', size: Math.round(rng.around(14, 5, 4, 30)) });
    if (rng.chance(0.7)) townSchools.push({ town, name: '初级中学', size: Math.round(rng.around(12, 4, 4, 28)) });
    clinics.push({ town, size: Math.round(rng.around(12, 4, 5, 25)) });
  }

  // 街道: communities (big ones as 总支 with 网格 branches) and the 街道机关.
  const streets = Math.max(1, Math.round(2 * f));
  const streetNames = ['城东街道', '城西街道', '城南街道', '城北街道'];
  const communitySizes = drawSizes(budget.community, Math.min(20, budget.community), () => rng.around(55, 15, 25, 110));
  const perStreet = allocate(communitySizes.length, Array.from({ length: streets }, () => 1));
  const communityWords = rng.shuffle([...COMMUNITY_WORDS]);
  let c = 0;
  for (let s = 0; s < streets; s++) {
    const street = streetNames[s] ?? `${places.take()}街道`;
    const org = tree.add('C', { name: `中共${county}${street}工作委员会`, kind: '党工委', sector: '社区', established: tree.founded(2002, 2016), election: null });
    const office = Math.min(budget.office, Math.round(rng.around(28, 6, 12, 45)));
    budget.office -= office;
    tree.unit(org.code, { fullName: `${county}${street}机关`, sector: '机关', profile: 'office', size: office, maxSingle: 50, branchSize: 30, established: tree.founded(2002, 2016) });
    for (let i = 0; i < perStreet[s]!; i++, c++) {
      const word = communityWords[c] ?? places.take();
      tree.unit(org.code, {
        fullName: `${county}${street}${word}社区`, sector: '社区', profile: 'community', size: communitySizes[c]!, maxSingle: 85, branchSize: 40,
        established: tree.founded(2001, 2020), rural: true, subNames: ['第一网格', '第二网格', '第三网格', '第四网格'],
      });
    }
  }

  // 县直机关工委: departments (by weight), institutions, retired cadres.
  const works = tree.add('C', { name: `中共${county}直属机关工作委员会`, kind: '党工委', sector: '机关', established: tree.founded(1984, 1992), election: null });
  const departments = DEPARTMENTS.slice(0, Math.min(DEPARTMENTS.length, Math.max(6, Math.round(55 * Math.sqrt(f)))));
  allocateAtLeast(Math.max(0, budget.office), departments.map(([, w]) => w), 3).forEach((size, i) => {
    const dept = departments[i]![0];
    const institution = INSTITUTION_DEPARTMENTS.has(dept);
    tree.unit(works.code, {
      fullName: dept.replace('县', county), sector: institution ? '事业单位' : '机关', profile: institution ? 'institution' : 'office', size, maxSingle: 45, branchSize: 26,
      established: rng.chance(0.3) ? tree.founded(2019, 2019) : tree.founded(1978, 2016), ...(dept === '县公安局' ? { subNames: POLICE_UNITS } : {}),
    });
  });
  drawSizes(budget.retired, 10, () => rng.around(40, 10, 15, 70)).forEach((size, i) => {
    tree.add(works.code, { name: `中共${county}直属机关离退休干部第${ordinal(i + 1)}支部委员会`, kind: '党支部', sector: '其他', established: tree.founded(1990, 2015), election: tree.staggeredElection(3), profile: 'retired', target: size }, 3);
  });

  // Education and health: township schools and 卫生院 first, the county's own schools and hospitals share the rest.
  system(tree, county, { name: `${county}教育系统`, sector: '学校', profile: 'school', budget: budget.school, branchSize: 30, maxSingle: 55 },
    townSchools.map((s) => ({ fullName: `${county}${s.town}${s.name}`, size: s.size })),
    COUNTY_SCHOOLS.slice(0, Math.max(3, Math.round(11 * Math.sqrt(f)))));
  system(tree, county, { name: `${county}卫生健康局`, sector: '事业单位', profile: 'hospital', budget: budget.hospital, branchSize: 28, maxSingle: 50 },
    clinics.map((s) => ({ fullName: `${county}${s.town}卫生院`, size: s.size })),
    COUNTY_HOSPITALS.slice(0, Math.max(2, Math.round(8 * Math.sqrt(f)))));

  // State firms.
  const soe = tree.add('C', { name: `中共${county}国资系统委员会`, kind: '党委', sector: '国有企业', established: tree.founded(2004, 2012), election: tree.staggeredElection(5) });
  const firms = SOES.slice(0, Math.min(SOES.length, Math.max(2, Math.round(12 * Math.sqrt(f)))));
  allocateAtLeast(budget.soe, firms.map(([, w]) => w), 3).forEach((size, i) => {
    tree.unit(soe.code, { fullName: firms[i]![0].replace('县', county), sector: '国有企业', profile: 'soe', size, maxSingle: 45, branchSize: 28, established: tree.founded(1995, 2020) });
  });

  // 两新: firms, a few tiny branches (fewer than 3 full members), joint branches by trade, social organizations.
  const twoNew = tree.add('C', { name: `中共${county}非公有制经济组织和社会组织工作委员会`, kind: '党工委', sector: '非公有制企业', established: tree.founded(2008, 2013), election: null });
  const newEstablished = (from: number) => (rng.chance(0.08) ? foundedRecently() : tree.founded(from, Math.max(from, startYear - 1)));
  const firmNames = new Set<string>();
  const uniqueFirm = () => {
    for (;;) {
      const name = firmName(rng, county);
      if (!firmNames.has(name)) return firmNames.add(name), name;
    }
  };
  const tiny = budget.private >= 10 ? Math.max(1, Math.round(2 * f)) : 0;
  for (let i = 0; i < tiny; i++) {
    tree.add(twoNew.code, { name: `中共${uniqueFirm()}支部委员会`, kind: '党支部', sector: '非公有制企业', established: newEstablished(2015), election: tree.staggeredElection(3), profile: 'private', target: 2 }, 3);
  }
  const privateBudget = Math.max(0, budget.private - 2 * tiny);
  const jointBudget = Math.round(privateBudget * 0.35);
  const privateJoint = JOINT_BRANCHES.filter((j) => !SOCIAL_JOINT.has(j));
  drawSizes(jointBudget, 5, () => rng.around(12, 4, 5, 25)).forEach((size, i) => {
    const trade = privateJoint[i] ?? `${places.take()}片区小微企业`;
    tree.add(twoNew.code, { name: `中共${county}${trade}联合支部委员会`, kind: '联合党支部', sector: '非公有制企业', established: newEstablished(2010), election: tree.staggeredElection(3), profile: 'private', target: size }, 3);
  });
  drawSizes(privateBudget - jointBudget, 3, () => rng.around(11, 6, 3, 60)).forEach((size) => {
    tree.unit(twoNew.code, { fullName: uniqueFirm(), sector: '非公有制企业', profile: 'private', size, maxSingle: 45, branchSize: 25, established: newEstablished(2003) });
  });
  const socialJoint = Math.round(budget.social * 0.4);
  const socialJointNames = [...SOCIAL_JOINT];
  drawSizes(socialJoint, 4, () => rng.around(10, 3, 4, 20)).forEach((size, i) => {
    const trade = socialJointNames[i] ?? `${places.take()}片区社会组织`;
    tree.add(twoNew.code, { name: `中共${county}${trade}联合支部委员会`, kind: '联合党支部', sector: '社会组织', established: newEstablished(2010), election: tree.staggeredElection(3), profile: 'social', target: size }, 3);
  });
  drawSizes(budget.social - socialJoint, 3, () => rng.around(7, 3, 3, 20)).forEach((size, i) => {
    const org = SOCIAL_ORGS[i]?.replace('县', county) ?? `${county}${places.take()}志愿服务协会`;
    tree.add(twoNew.code, { name: `中共${org}支部委员会`, kind: '党支部', sector: '社会组织', established: newEstablished(2008), election: tree.staggeredElection(3), profile: 'social', target: size }, 3);
  });

  // 临时党支部: no members of their own, no development, no 换届 (domain-rules §2).
  TEMPORARY_BRANCHES.slice(0, Math.max(2, Math.min(TEMPORARY_BRANCHES.length, Math.round(4 * Math.sqrt(f))))).forEach((t) => {
    const parent = t.parent === 'county' ? 'C' : t.parent === 'soe' ? soe.code : rng.pick(townCodes);
    const sector: Sector = t.parent === 'county' ? '机关' : t.parent === 'soe' ? '国有企业' : '农村';
    const from = addMonths(frame.start, -6);
    const established = rng.dateBetween(from, addDays(frame.end, -Math.min(45, Math.max(0, daysBetween(from, frame.end)))));
    tree.add(parent, { name: `中共${county}${t.name.replace(/^县/, '')}临时支部委员会`, kind: '临时党支部', sector, established, election: null, profile: 'temporary', target: 0, participants: Math.round(rng.around(10, 4, 4, 25)) }, parent === 'C' ? 2 : 3);
  });

  addGroups(tree, rng);
  planExtensions(frame, tree.plans);
  return tree.plans;
}

function system(
  tree: OrgTree,
  county: string,
  s: { name: string; sector: Sector; profile: Profile; budget: number; branchSize: number; maxSingle: number },
  townUnits: { fullName: string; size: number }[],
  countyUnits: readonly (readonly [string, number])[],
): void {
  const head = tree.add('C', { name: `中共${s.name}委员会`, kind: '党委', sector: s.sector, established: tree.founded(1985, 2005), election: tree.staggeredElection(5) });
  // Township units take at most half of the system's members, so a small county still has its county schools.
  const townTotal = townUnits.reduce((a, u) => a + u.size, 0);
  const townSizes = townTotal > s.budget / 2 ? allocateAtLeast(Math.floor(s.budget / 2), townUnits.map((u) => u.size), 3) : townUnits.map((u) => u.size);
  const rest = Math.max(0, s.budget - townSizes.reduce((a, b) => a + b, 0));
  allocateAtLeast(rest, countyUnits.map(([, w]) => w), 3).forEach((size, i) => {
    const unit = countyUnits[i]![0];
    const subNames = subUnits(unit);
    tree.unit(head.code, {
      fullName: unit.replace('县', county), sector: s.sector, profile: s.profile, size, maxSingle: s.maxSingle, branchSize: s.branchSize,
      established: tree.founded(1955, 2010), ...(subNames ? { subNames } : {}),
    });
  });
  townUnits.forEach((u, i) => {
    tree.unit(head.code, { fullName: u.fullName, sector: s.sector, profile: s.profile, size: townSizes[i]!, maxSingle: s.maxSingle, branchSize: s.branchSize, established: tree.founded(1960, 2012) });
  });
}

/** 党小组 in most large village branches and in some large community branches (《支部条例》第十三条). */
function addGroups(tree: OrgTree, rng: Rng): void {
  for (const branch of [...tree.plans]) {
    if (branch.kind !== '党支部' || branch.target < 40) continue;
    const p = branch.profile === 'village' ? 0.5 : branch.profile === 'community' && branch.target >= 50 ? 0.4 : 0;
    if (!rng.chance(p)) continue;
    const short = `${branch.name.replace(/^中共/, '').replace(/支部委员会$/, '')}党支部`;
    const count = branch.target >= 60 ? 3 : 2;
    for (let i = 1; i <= count; i++) {
      const group = tree.add(branch.code, { name: `${short}第${ordinal(i)}党小组`, kind: '党小组', sector: branch.sector, established: branch.establishedOn, election: null }, 2);
      branch.groups.push(group.code);
    }
  }
}

/** `allocate`, with every share at least `min` when the total allows it. */
function allocateAtLeast(total: number, weights: readonly number[], min: number): number[] {
  const floor = Math.min(min, Math.floor(total / Math.max(1, weights.length)));
  return allocate(total - floor * weights.length, weights).map((n) => n + floor);
}
