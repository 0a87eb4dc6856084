/**
 * Makes the demo county's people: a valid, unique citizen ID number (GB 11643: area code, birth date, a sequence
 * that is odd for men and even for women, check digit), a unique mainland mobile number for most, and a name.
 */
import { addDays, addMonths, type IsoDate } from '../../shared/dates.js';
import { makeIdNumber } from '../../shared/id-number.js';
import type { CheckedPerson } from '../people/person-rules.js';
import type { DemoFrame, Profile } from './demo-types.js';
import { personName } from './names.js';
import { OTHER_AREA_CODES } from './places.js';
import { sampleEducation, sampleEthnicity, sampleOccupation } from './profiles.js';
import type { Rng } from './rng.js';

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '175', '176', '177', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '195', '198', '199',
] as const;

export class PeopleFactory {
  private readonly ids = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly frame: DemoFrame) {}

  /** A birth date that makes the person `age` years old on `on`. */
  static birthDateFor(rng: Rng, age: number, on: IsoDate): IsoDate {
    return addDays(addMonths(on, -12 * age), -rng.int(0, 364));
  }

  idNumber(rng: Rng, birthDate: IsoDate, gender: '男' | '女'): string {
    // Most were born in the county; some moved in from the prefecture or from other provinces.
    const area = rng.chance(0.86) ? this.frame.county.areaCode : rng.pick(OTHER_AREA_CODES);
    for (;;) {
      const n = rng.int(0, 499) * 2 + (gender === '男' ? 1 : 0);
      const id = makeIdNumber(area, birthDate, n);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  phone(rng: Rng): string {
    for (;;) {
      const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** A person of a branch's kind of unit, `age` years old at the end date. */
  person(rng: Rng, p: { profile: Profile; gender: '男' | '女'; age: number; birthDate: IsoDate; lineage?: string | undefined; sheVillage?: boolean | undefined }): CheckedPerson {
    const birthYear = Number(p.birthDate.slice(0, 4));
    const ethnicity = sampleEthnicity(rng, Boolean(p.sheVillage));
    // Very old villagers often have no mobile phone of their own.
    const phoneShare = p.age >= 80 ? 0.55 : p.age >= 70 ? 0.85 : 0.97;
    return {
      name: personName(rng, p.gender, birthYear, p.lineage),
      idNumber: this.idNumber(rng, p.birthDate, p.gender),
      gender: p.gender,
      ethnicity,
      birthDate: p.birthDate,
      education: sampleEducation(rng, p.profile, p.age),
      occupation: sampleOccupation(rng, p.profile, p.age),
      phone: rng.chance(phoneShare) ? this.phone(rng) : null,
    };
  }
}
