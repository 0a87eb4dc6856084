import { AppError } from '../../src/shared/errors.js';

/** The AppError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(p: Promise<unknown> | (() => Promise<unknown>)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** 'OK' when the promise resolves, the AppError's code when it rejects with one (anything else fails the test). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}
