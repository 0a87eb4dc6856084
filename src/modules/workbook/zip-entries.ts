/**
 * The entries of a zip archive (an .xlsx file is one), read through its central directory. exceljs's streaming
 * reader walks the archive front to back instead, and intermittently loses the last entry (exceljs issue #3064):
 * for a workbook that exceljs itself wrote, that entry is xl/workbook.xml. Reading the directory first is reliable
 * and lets the workbook's parts be read in the order they are needed.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries listed in the central directory, by name. */
export function readZipDirectory(zip: Buffer): Map<string, ZipEntry> {
  const eocd = findEndOfCentralDirectory(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    const locator = eocd - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const record = Number(zip.readBigUInt64LE(locator + 8));
    if (zip.readUInt32LE(record) !== ZIP64_EOCD) throw new ZipFormatError('zip64 record missing');
    count = Number(zip.readBigUInt64LE(record + 32));
    offset = Number(zip.readBigUInt64LE(record + 48));
  }
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) throw new ZipFormatError('bad central directory');
    const flags = zip.readUInt16LE(offset + 8);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const sizes = zip64Sizes(zip, offset, nameLength, extraLength);
    entries.set(name, { name, method: zip.readUInt16LE(offset + 10), encrypted: (flags & 1) === 1, ...sizes });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's content, decompressed as it is read and decoded as UTF-8 text (characters never split across chunks). */
export function openZipText(zip: Buffer, entry: ZipEntry): Readable {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new ZipFormatError(`bad local header: ${entry.name}`);
  if (entry.encrypted) throw new ZipFormatError(`encrypted entry: ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipFormatError(`truncated entry: ${entry.name}`);
  let stream: Readable;
  if (entry.method === 0) stream = Readable.from([data], { objectMode: false });
  else if (entry.method === 8) {
    const inflate = createInflateRaw();
    inflate.end(data);
    stream = inflate;
  } else throw new ZipFormatError(`compression method ${entry.method}: ${entry.name}`);
  return stream.setEncoding('utf8');
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipFormatError('end of central directory not found');
}

/** Sizes and offset of a central directory entry, from its zip64 extra field where a 32-bit field is saturated. */
function zip64Sizes(zip: Buffer, offset: number, nameLength: number, extraLength: number) {
  let uncompressedSize = zip.readUInt32LE(offset + 24);
  let compressedSize = zip.readUInt32LE(offset + 20);
  let localHeaderOffset = zip.readUInt32LE(offset + 42);
  const MAX = 0xffffffff;
  if (uncompressedSize !== MAX && compressedSize !== MAX && localHeaderOffset !== MAX) return { uncompressedSize, compressedSize, localHeaderOffset };
  let p = offset + 46 + nameLength;
  const end = p + extraLength;
  while (p + 4 <= end) {
    const id = zip.readUInt16LE(p);
    const size = zip.readUInt16LE(p + 2);
    if (id === 0x0001) {
      // The zip64 fields appear in this order, each only when its 32-bit field is saturated.
      let q = p + 4;
      const next = () => {
        const v = Number(zip.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (uncompressedSize === MAX) uncompressedSize = next();
      if (compressedSize === MAX) compressedSize = next();
      if (localHeaderOffset === MAX) localHeaderOffset = next();
      break;
    }
    p += 4 + size;
  }
  return { uncompressedSize, compressedSize, localHeaderOffset };
}
