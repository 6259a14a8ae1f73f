import { sniffDocument, zipEntryNames } from './documentSniffer';
import { testDocx, testLegacyDoc, testPdf, testXlsx, testZip } from '../test/documents';

describe('document sniffing', () => {
  it('recognises PDF, Word and Excel by their bytes', () => {
    expect(sniffDocument(testPdf())).toBe('application/pdf');
    expect(sniffDocument(testDocx())).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffDocument(testXlsx())).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffDocument(testLegacyDoc('WordDocument'))).toBe('application/msword');
    expect(sniffDocument(testLegacyDoc('Workbook'))).toBe('application/vnd.ms-excel');
  });

  it('refuses other files, whatever they are called', () => {
    expect(sniffDocument(Buffer.from('MZ\x90\x00 this is an executable'))).toBeNull();
    expect(sniffDocument(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    // A ZIP that is not an Office document, and an OLE2 file that is neither Word nor Excel.
    expect(sniffDocument(testZip({ 'readme.txt': 'hi' }))).toBeNull();
    expect(sniffDocument(testLegacyDoc('PowerPoint Document'))).toBeNull();
    expect(sniffDocument(Buffer.alloc(0))).toBeNull();
  });

  it('lists a ZIP central directory and gives up on a broken one', () => {
    expect(zipEntryNames(testZip({ 'a.txt': 'x', 'b/c.xml': 'y' }))).toEqual(['a.txt', 'b/c.xml']);
    const broken = testDocx();
    broken.writeUInt32LE(0xdeadbeef, broken.length - 22 + 16);
    expect(zipEntryNames(broken)).toEqual([]);
    expect(sniffDocument(broken)).toBeNull();
  });
});
