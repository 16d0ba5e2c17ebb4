import { deflateRawSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzip } from '../test/fakes/unzip';
import { csvField, toCsv } from './csv';
import { buildXlsx, columnName, excelSerial, XLSX_MIME } from './xlsx';
import { crc32, toBase64, utf8 } from './zip';

const deflate = (d: Uint8Array) => new Uint8Array(deflateRawSync(d));

const sheet = {
  name: '诉求',
  rows: [
    ['编号', '内容', '提交时间', '响应率', '件数'],
    ['c1', '村口垃圾 <三天> & "没人清"', { date: '2026-03-02T01:30:00.000Z' }, { percent: 0.875 }, 42],
    ['c2', '村口垃圾 <三天> & "没人清"', null, null, -3.5],
  ],
  widths: [10, 40, 18, 10, 8],
} as const;

describe('the xlsx writer', () => {
  it.each([
    ['deflated', deflate],
    ['stored', undefined],
  ])('writes a %s workbook whose parts read back with zlib', (_how, deflateRaw) => {
    const files = unzip(buildXlsx([sheet], { deflateRaw }));
    expect([...files.keys()].sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    const shared = files.get('xl/sharedStrings.xml')!.toString('utf8');
    // Shared strings are deduplicated, escaped, and counted.
    expect(shared).toContain('count="9" uniqueCount="8"');
    expect(shared).toContain('<si><t xml:space="preserve">村口垃圾 &lt;三天&gt; &amp; &quot;没人清&quot;</t></si>');
    const xml = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    // Header row bold (style 1), text as shared-string index.
    expect(xml).toContain('<c r="A1" t="s" s="1"><v>0</v></c>');
    // 2026-03-02 09:30 Beijing = serial 46083 + 9.5/24.
    expect(xml).toMatch(/<c r="C2" s="2"><v>46083\.395833\d*<\/v><\/c>/);
    expect(xml).toContain('<c r="D2" s="3"><v>0.875</v></c>');
    expect(xml).toContain('<c r="E2"><v>42</v></c>');
    expect(xml).toContain('<c r="E3"><v>-3.5</v></c>');
    expect(xml).not.toContain('r="C3"');
    expect(files.get('xl/styles.xml')!.toString('utf8')).toContain('formatCode="yyyy-mm-dd hh:mm"');
    expect(files.get('xl/workbook.xml')!.toString('utf8')).toContain('<sheet name="诉求" sheetId="1" r:id="rId1"/>');
  });

  it('compresses when given deflate, and the system unzip accepts the file', () => {
    const rows = [['a', 'b'], ...Array.from({ length: 2000 }, (_, i) => [`第${i}行 重复的诉求内容`, i])];
    const stored = buildXlsx([{ name: 'x', rows }]);
    const deflated = buildXlsx([{ name: 'x', rows }], { deflateRaw: deflate });
    expect(deflated.length).toBeLessThan(stored.length / 3);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
    const file = path.join(dir, 'a.xlsx');
    writeFileSync(file, deflated);
    expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
  });

  it('names columns past Z and converts instants to Beijing serial days', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(excelSerial('1899-12-29T16:00:00.000Z')).toBe(0);
    expect(excelSerial('2026-01-01T00:00:00+08:00')).toBe(46023);
  });

  it('has the spreadsheet MIME type', () => {
    expect(XLSX_MIME).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('zip helpers', () => {
  it('computes CRC-32 and base64 like node does', () => {
    for (const s of ['', 'a', 'ab', 'abc', '街坊 Jiefang', 'x'.repeat(1001)]) {
      const b = utf8(s);
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
  });
});

describe('CSV for spreadsheets', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=x,"y"', `"'=x,""y"""`],
    ['普通文字', '普通文字'],
  ])('writes text %j as %s', (input, out) => {
    expect(csvField(input)).toBe(out);
  });

  it('writes numbers as numbers, starts with a BOM and ends lines with CRLF', () => {
    expect(csvField(-3)).toBe('-3');
    expect(toCsv([['a', 1], ['b', null]])).toBe('\uFEFFa,1\r\nb,\r\n');
  });
});
