/**
 * Person names for the demo county: surnames weighted by their frequency (shares, in ‰, after the 2020 census
 * ranking published by the Ministry of Public Security; the tail is rounded), given names from characters typical
 * of the decade of birth (建国 and 秀英 for the 1950s, 伟 and 丽 for the 1970s, 浩宇 and 欣怡 for the 2000s).
 */
import type { Rng } from './rng.js';

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 13], ['郭', 11], ['何', 11], ['林', 10], ['高', 10], ['罗', 9],
  ['郑', 8], ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 2], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
  ['蓝', 1], ['应', 1], ['章', 1], ['童', 1], ['楼', 1], ['洪', 1], ['俞', 1], ['鲁', 1], ['詹', 1], ['葛', 1],
  ['欧阳', 0.3], ['诸葛', 0.1], ['司马', 0.1], ['上官', 0.1],
];

/** Surnames of the 畲族, the main minority of the hills of Zhejiang and Fujian. */
export const SHE_SURNAMES = ['蓝', '雷', '钟'] as const;

interface Era {
  male: string[];
  female: string[];
  /** Characters that combine into two-character names (either sex unless listed above). */
  first: { male: string; female: string };
  last: { male: string; female: string };
}

const ERAS: readonly (readonly [number, Era])[] = [
  [
    1955,
    {
      male: ['建国', '国庆', '建华', '德明', '福根', '金生', '有福', '志强', '国强', '水根', '长林', '荣华', '跃进', '卫东'],
      female: ['秀英', '桂英', '玉兰', '秀兰', '凤英', '玉珍', '桂芳', '翠英', '月娥', '美华', '素珍', '金花', '爱华'],
      first: { male: '建国德福金有志长荣永文明宝', female: '秀桂玉凤翠月美素金爱淑' },
      last: { male: '华林根生明富贵荣祥发才海', female: '英兰珍芳娥花凤琴仙梅华' },
    },
  ],
  [
    1975,
    {
      male: ['伟', '军', '勇', '斌', '涛', '强', '刚', '平', '辉', '峰', '建军', '海波', '卫国', '红兵'],
      female: ['丽', '敏', '静', '燕', '艳', '娟', '霞', '红', '玲', '萍', '丽华', '春燕', '海燕', '红梅'],
      first: { male: '建国海卫志晓小永春立俊文', female: '丽春海红晓小美秀丹玉雪' },
      last: { male: '军平华伟强明杰斌峰林波东', female: '红华燕梅芳英霞丽萍娟琴玲' },
    },
  ],
  [
    1990,
    {
      male: ['磊', '鹏', '超', '杰', '浩', '宇', '俊', '亮', '晨', '鑫', '凯', '明', '帅', '博'],
      female: ['婷', '丹', '雪', '琳', '倩', '颖', '洁', '瑶', '慧', '佳', '莉', '晶', '蕾', '璐'],
      first: { male: '俊志晓文家建振宏天家明泽', female: '晓佳雅婷思丽文梦雪欣美静' },
      last: { male: '杰鹏涛磊伟辉宇超龙斌飞凯', female: '婷颖琳洁倩丹慧静丽娜芳玲' },
    },
  ],
  [
    9999,
    {
      male: ['浩', '宇', '轩', '昊', '睿', '哲', '博', '辰', '航', '泽', '子豪', '宇航', '浩然', '梓轩'],
      female: ['欣', '怡', '萱', '涵', '琪', '妍', '悦', '彤', '雯', '瑶', '欣怡', '雨涵', '梓涵', '诗琪'],
      first: { male: '子浩宇梓俊一嘉皓泽睿思家', female: '子欣雨梓诗佳可思若语一嘉' },
      last: { male: '轩豪宇航然睿泽辰阳博昊杰', female: '涵怡萱琪彤妍悦雯琳瑶菲雪' },
    },
  ],
];

function eraOf(birthYear: number): Era {
  for (const [until, era] of ERAS) if (birthYear <= until) return era;
  return ERAS[ERAS.length - 1]![1];
}

export function pickSurname(rng: Rng, local?: string): string {
  // Villages are often settled by one lineage: a third of a village shares its main surname.
  if (local && rng.chance(0.33)) return local;
  return rng.weighted(SURNAMES);
}

export function givenName(rng: Rng, gender: '男' | '女', birthYear: number): string {
  const era = eraOf(birthYear);
  const sex = gender === '男' ? 'male' : 'female';
  if (rng.chance(0.45)) return rng.pick(era[sex]);
  const first = era.first[sex];
  const last = era.last[sex];
  let name = first[rng.int(0, first.length - 1)]! + last[rng.int(0, last.length - 1)]!;
  if (name[0] === name[1]) name = name[0]!; // 华华 → 华
  return name;
}

export function personName(rng: Rng, gender: '男' | '女', birthYear: number, localSurname?: string): string {
  return pickSurname(rng, localSurname) + givenName(rng, gender, birthYear);
}

/** A surname drawn by frequency, for the main lineage of a village. */
export function lineageSurname(rng: Rng): string {
  return rng.weighted(SURNAMES.slice(0, 40));
}
