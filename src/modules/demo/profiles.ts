/**
 * Who the members of each kind of branch are. The weights are tuned so that the whole county lands near the shares
 * of party-statistics.md §3e: about 30% women, 61+ about a third, 大专及以上 40–50%, a few % minorities, occupations
 * by sector (villages: 农牧渔民 and 离退休; offices: 党政机关工作人员; schools and hospitals: 专业技术人员).
 */
import type { Education, Occupation } from '../../shared/vocab.js';
import type { Profile } from './demo-types.js';
import type { Rng } from './rng.js';

type Bands = readonly (readonly [number, number, number])[];

interface ProfileDef {
  female: number;
  /** Age at the end date: [from, to, weight]. */
  ages: Bands;
  /** Development: recruits per member, relative to the county's rate. */
  recruiting: number;
  /** Share of working-age members (≤ 55) who work away (流动党员). */
  mobile: number;
}

export const PROFILES: Record<Profile, ProfileDef> = {
  village: { female: 0.22, recruiting: 0.75, mobile: 0.16, ages: [[18, 30, 3], [31, 40, 8], [41, 50, 15], [51, 60, 20], [61, 70, 25], [71, 80, 19], [81, 95, 9]] },
  community: { female: 0.42, recruiting: 0.6, mobile: 0.06, ages: [[22, 35, 10], [36, 50, 14], [51, 60, 16], [61, 70, 28], [71, 80, 20], [81, 95, 12]] },
  office: { female: 0.3, recruiting: 1.1, mobile: 0.003, ages: [[23, 30, 10], [31, 40, 27], [41, 50, 32], [51, 60, 31]] },
  retired: { female: 0.28, recruiting: 0, mobile: 0, ages: [[58, 65, 15], [66, 75, 40], [76, 85, 32], [86, 98, 13]] },
  institution: { female: 0.36, recruiting: 1.2, mobile: 0.003, ages: [[22, 30, 14], [31, 40, 30], [41, 50, 29], [51, 60, 25], [61, 70, 2]] },
  school: { female: 0.54, recruiting: 1.4, mobile: 0.003, ages: [[22, 30, 15], [31, 40, 30], [41, 50, 29], [51, 60, 24], [61, 70, 2]] },
  hospital: { female: 0.55, recruiting: 1.4, mobile: 0.003, ages: [[22, 30, 16], [31, 40, 30], [41, 50, 28], [51, 60, 24], [61, 70, 2]] },
  soe: { female: 0.26, recruiting: 1.3, mobile: 0.01, ages: [[22, 30, 15], [31, 40, 25], [41, 50, 25], [51, 60, 22], [61, 80, 13]] },
  private: { female: 0.3, recruiting: 1.6, mobile: 0.03, ages: [[20, 30, 18], [31, 40, 35], [41, 50, 29], [51, 60, 15], [61, 70, 3]] },
  social: { female: 0.45, recruiting: 1.2, mobile: 0.02, ages: [[22, 35, 25], [36, 50, 30], [51, 60, 20], [61, 80, 25]] },
  temporary: { female: 0.3, recruiting: 0, mobile: 0, ages: [[25, 55, 1]] },
};

export function sampleAge(rng: Rng, profile: Profile): number {
  const [from, to] = rng.weighted(PROFILES[profile].ages.map(([a, b, w]) => [[a, b] as const, w] as const));
  return rng.int(from, to);
}

// Weights over 研究生, 大学本科, 大学专科, 中专, 高中、中技, 初中及以下.
type EduWeights = readonly [number, number, number, number, number, number];
const EDUCATION_ORDER: readonly Education[] = ['研究生', '大学本科', '大学专科', '中专', '高中、中技', '初中及以下'];

function educationWeights(profile: Profile, age: number): EduWeights {
  switch (profile) {
    case 'village':
      if (age >= 60) return [0, 0.5, 2, 3, 14, 80.5];
      if (age >= 40) return [0, 2, 8, 8, 30, 52];
      return [0.5, 15, 30, 10, 25, 19.5];
    case 'community':
      return age >= 60 ? [0, 4, 10, 12, 34, 40] : [1, 25, 35, 10, 19, 10];
    case 'office':
      return age >= 50 ? [4, 50, 33, 7, 4, 2] : [12, 66, 18, 2, 1.5, 0.5];
    case 'retired':
      return [1, 20, 28, 15, 20, 16];
    case 'school':
      return [8, 75, 15, 2, 0, 0];
    case 'hospital':
      return [6, 58, 28, 8, 0, 0];
    case 'institution':
      return [5, 55, 30, 6, 3, 1];
    case 'soe':
      return [3, 35, 30, 12, 14, 6];
    case 'private':
      return [2, 28, 32, 12, 18, 8];
    case 'social':
      return [3, 40, 30, 10, 12, 5];
    case 'temporary':
      return [5, 60, 30, 3, 2, 0];
  }
}

export function sampleEducation(rng: Rng, profile: Profile, age: number): Education {
  const w = educationWeights(profile, age);
  return rng.weighted(EDUCATION_ORDER.map((e, i) => [e, w[i]!] as const));
}

const 工人: Occupation = '工人（工勤技能人员）';
const 农民: Occupation = '农牧渔民';
const 专技: Occupation = '企事业单位、社会组织专业技术人员';
const 管理: Occupation = '企事业单位、社会组织管理人员';
const 机关: Occupation = '党政机关工作人员';
const 其他: Occupation = '其他职业人员';
const 离退休: Occupation = '离退休人员';

export function sampleOccupation(rng: Rng, profile: Profile, age: number): Occupation {
  const retiredAge = age >= 60;
  switch (profile) {
    case 'village':
      return retiredAge
        ? rng.weighted([[农民, 60], [离退休, 35], [其他, 5]])
        : rng.weighted([[农民, 80], [其他, 8], [工人, 5], [管理, 2], [离退休, 1], [专技, 4]]);
    case 'community':
      return retiredAge ? rng.weighted([[离退休, 88], [其他, 12]]) : rng.weighted([[其他, 40], [工人, 25], [管理, 20], [专技, 15]]);
    case 'office':
      return rng.weighted([[机关, 92], [工人, 8]]);
    case 'retired':
      return 离退休;
    case 'school':
    case 'hospital':
      return retiredAge ? 离退休 : rng.weighted([[专技, 85], [管理, 10], [工人, 5]]);
    case 'institution':
      return retiredAge ? 离退休 : rng.weighted([[专技, 50], [管理, 38], [工人, 12]]);
    case 'soe':
      return retiredAge ? 离退休 : rng.weighted([[工人, 40], [管理, 30], [专技, 30]]);
    case 'private':
      return retiredAge ? 其他 : rng.weighted([[工人, 35], [管理, 35], [专技, 25], [其他, 5]]);
    case 'social':
      return retiredAge ? rng.weighted([[离退休, 60], [其他, 40]]) : rng.weighted([[管理, 40], [专技, 35], [其他, 25]]);
    case 'temporary':
      return 机关;
  }
}

/** Mostly 汉族; the county's minorities are mostly 畲族, with people of other groups who married or moved in. */
export function sampleEthnicity(rng: Rng, sheVillage: boolean): string {
  if (sheVillage && rng.chance(0.55)) return '畲族';
  if (!rng.chance(0.028)) return '汉族';
  return rng.weighted([['畲族', 45], ['回族', 10], ['满族', 10], ['苗族', 8], ['土家族', 8], ['壮族', 6], ['布依族', 4], ['蒙古族', 4], ['侗族', 3], ['彝族', 2]]);
}

/** Age at which an existing member joined (for a county's older roll; most between 20 and 35). */
export function sampleJoinAge(rng: Rng): number {
  const [from, to] = rng.weighted([[[18, 22], 30], [[23, 27], 35], [[28, 32], 17], [[33, 37], 9], [[38, 45], 6], [[46, 58], 3]] as const);
  return rng.int(from, to);
}
