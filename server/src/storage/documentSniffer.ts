import type { ContentFileType } from '@minqing/shared';

/**
 * What a document upload really is, judged by its bytes only (the name and the client's content
 * type are the sender's choice): PDF by its header; Word and Excel 2007+ by the part names in the
 * ZIP's central directory; Word and Excel 97–2003 by the stream names in the OLE2 compound file.
 * Null for anything else, including a ZIP or OLE2 file that is neither (an .exe renamed to .pdf,
 * an archive renamed to .docx).
 */
export function sniffDocument(bytes: Buffer): ContentFileType | null {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (isZip(bytes)) return officeOpenXmlType(zipEntryNames(bytes));
  if (isCompoundFile(bytes)) return legacyOfficeType(bytes);
  return null;
}

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isCompoundFile = (bytes: Buffer) => bytes.length >= 512 && bytes.subarray(0, 8).equals(CFB_SIGNATURE);

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65535. */
const END_RECORD_SEARCH = 22 + 0xffff;
const MAX_ENTRIES = 5000;

/** The names listed in a ZIP's central directory; empty when the archive is malformed. */
export function zipEntryNames(bytes: Buffer): string[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_RECORD_SEARCH); at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return [];
  const count = Math.min(bytes.readUInt16LE(end + 10), MAX_ENTRIES);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return [];
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return [];
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function officeOpenXmlType(names: string[]): ContentFileType | null {
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.includes('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

/** Directory entries of a compound file name their streams in UTF-16LE: Word's main stream, or Excel's. */
function legacyOfficeType(bytes: Buffer): ContentFileType | null {
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (has('WordDocument')) return 'application/msword';
  if (has('Workbook') || has('Book')) return 'application/vnd.ms-excel';
  return null;
}
