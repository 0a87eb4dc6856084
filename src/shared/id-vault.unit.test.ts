import { describe, expect, it } from 'vitest';
import { encryptingVault, indexMatchesVault, plainVault, vaultFromKey } from './id-vault.js';
import { AppError } from './errors.js';

const KEY = '0f'.repeat(32);

describe('ID number vault', () => {
  it('keeps numbers plain without a key', () => {
    expect(vaultFromKey(undefined)).toBe(plainVault);
    expect(plainVault.seal('11010519491231002X')).toBe('11010519491231002X');
  });
  it('encrypts with a fresh nonce each time and indexes deterministically', () => {
    const v = vaultFromKey(KEY);
    const a = v.seal('11010519491231002X');
    const b = v.seal('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(v.open(a)).toBe('11010519491231002X');
    expect(v.index('11010519491231002X')).toBe(v.index('11010519491231002X'));
    expect(v.index('11010519491231002X')).not.toBe(v.index('110105194912310021'));
    expect(indexMatchesVault(v, v.index('1'))).toBe(true);
    expect(indexMatchesVault(plainVault, v.index('1'))).toBe(false);
  });
  it('refuses a wrong key and a malformed one, naming the variable', () => {
    const sealed = vaultFromKey(KEY).seal('11010519491231002X');
    expect(() => encryptingVault(Buffer.alloc(32, 1)).open(sealed)).toThrow(AppError);
    expect(() => vaultFromKey('abc')).toThrow(/DANGJIAN_ID_NUMBER_KEY/);
  });
});
