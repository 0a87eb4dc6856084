/**
 * The entries of a zip archive (an .xlsx file is one), read through its central directory by yauzl. exceljs's
 * streaming reader walks the archive front to back instead, and intermittently loses the last entry (exceljs issue
 * #3064): for a workbook that exceljs itself wrote, that entry is xl/workbook.xml. Reading the directory first is
 * reliable and lets the workbook's parts be read in the order they are needed. exceljs also decodes each chunk of
 * an entry as text on its own, garbling a multi-byte (Chinese) character that straddles two chunks (exceljs issue
 * #2084); here an entry's text is decoded across chunk boundaries.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry } from 'yauzl';

/** A damaged or unsupported archive, or a missing part: the caller reports the file as unreadable. */
export class ZipFormatError extends Error {}

export interface ZipDirectory {
  /** The entries listed in the central directory, by name. */
  entries: Map<string, Entry>;
  /** The entry's content, decompressed as it is read and decoded as UTF-8 text (characters never split across chunks). */
  openText: (entry: Entry) => Promise<Readable>;
}

/** Reads the central directory of the archive held in `zip`. */
export async function readZipDirectory(zip: Buffer): Promise<ZipDirectory> {
  // A zip read from a buffer holds no file descriptor, so it is never closed.
  const file = await zipStep('not a zip archive', () => yauzl.fromBufferPromise(zip, { lazyEntries: true }));
  const entries = new Map<string, Entry>();
  await zipStep('bad central directory', async () => {
    for await (const entry of file.eachEntry()) entries.set(entry.fileName, entry);
  });
  const openText = async (entry: Entry) => {
    if (entry.isEncrypted()) throw new ZipFormatError(`encrypted entry: ${entry.fileName}`);
    const stream = await zipStep(`unreadable entry: ${entry.fileName}`, () => file.openReadStreamPromise(entry));
    // A string decoder holds back the bytes of a character until the rest of it arrives.
    return stream.setEncoding('utf8');
  };
  return { entries, openText };
}

/** Runs one step of reading the archive, turning yauzl's errors into ZipFormatError. */
async function zipStep<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw new ZipFormatError(`${what}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
