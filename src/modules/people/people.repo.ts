import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import type { CheckedPerson } from './person-rules.js';

export async function findPersonIdByIdNumber(ctx: Ctx, idNumber: string): Promise<number | undefined> {
  const row = await ctx.db.selectFrom('people').select('id').where('id_number_index', '=', ctx.vault.index(idNumber)).executeTakeFirst();
  return row?.id;
}

export function idNumberTaken(field = 'idNumber'): AppError {
  const message = '该公民身份号码已登记';
  return new AppError('ID_NUMBER_TAKEN', message, [{ code: 'ID_NUMBER_TAKEN', field, message }]);
}

export function personValues(ctx: Pick<Ctx, 'vault'>, p: CheckedPerson, now: string) {
  return {
    name: p.name,
    id_number: ctx.vault.seal(p.idNumber),
    id_number_index: ctx.vault.index(p.idNumber),
    gender: p.gender,
    ethnicity: p.ethnicity,
    birth_date: p.birthDate,
    education: p.education,
    occupation: p.occupation,
    phone: p.phone,
    created_at: now,
    updated_at: now,
  };
}

export async function insertPerson(ctx: Ctx, p: CheckedPerson): Promise<number> {
  if (await findPersonIdByIdNumber(ctx, p.idNumber)) throw idNumberTaken();
  const row = await ctx.db.insertInto('people').values(personValues(ctx, p, ctx.clock.nowIso())).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
