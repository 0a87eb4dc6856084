import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from './errors.js';

/**
 * How citizen ID numbers are kept at rest. Plain by default; with a key (DANGJIAN_ID_NUMBER_KEY) each number is
 * sealed with AES-256-GCM under a fresh nonce, and a keyed HMAC of it — the blind index — is what uniqueness and
 * lookups use, so the database never needs the plain number to find a person.
 */
export interface IdNumberVault {
  readonly encrypted: boolean;
  /** The value stored in people.id_number. */
  seal(idNumber: string): string;
  /** The plain number from a stored value. */
  open(stored: string): string;
  /** The value stored in people.id_number_index: equal numbers give equal indexes. */
  index(idNumber: string): string;
}

export const plainVault: IdNumberVault = {
  encrypted: false,
  seal: (id) => id,
  open: (stored) => stored,
  index: (id) => id,
};

const SEALED = 'enc1:';
const INDEXED = 'h1:';

export function encryptingVault(key: Buffer): IdNumberVault {
  if (key.length !== 32) throw new AppError('CONFIG_INVALID', 'DANGJIAN_ID_NUMBER_KEY 应为32字节（64位十六进制）');
  // Two independent keys from one secret: one to encrypt, one for the blind index.
  const encKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'dangjian id-number encryption v1', 32));
  const indexKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'dangjian id-number index v1', 32));
  return {
    encrypted: true,
    seal(id) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
      return SEALED + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
    },
    open(stored) {
      if (!stored.startsWith(SEALED)) return stored;
      const raw = Buffer.from(stored.slice(SEALED.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      try {
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError('CONFIG_INVALID', '无法解密公民身份号码：DANGJIAN_ID_NUMBER_KEY 与加密时所用的密钥不一致');
      }
    },
    index: (id) => INDEXED + createHmac('sha256', indexKey).update(id).digest('base64url'),
  };
}

/** The vault for a configured key (64 hex characters), or the plain one without. */
export function vaultFromKey(hex: string | undefined): IdNumberVault {
  if (!hex) return plainVault;
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new AppError('CONFIG_INVALID', 'DANGJIAN_ID_NUMBER_KEY 应为64位十六进制字符（32字节），可用 openssl rand -hex 32 生成');
  return encryptingVault(Buffer.from(hex, 'hex'));
}

/** Whether a stored index was made by a vault of this kind: a database is encrypted throughout or not at all. */
export function indexMatchesVault(vault: IdNumberVault, storedIndex: string): boolean {
  return storedIndex.startsWith(INDEXED) === vault.encrypted;
}
