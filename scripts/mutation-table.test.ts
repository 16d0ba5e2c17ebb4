import { renderTable, score, scoreFiles, type MutationReport } from './mutation-table';

const report = (files: Record<string, string[]>): MutationReport => ({
  files: Object.fromEntries(Object.entries(files).map(([f, statuses]) => [f, { mutants: statuses.map((status) => ({ status: status as never })) }])),
});

describe('the mutation score table', () => {
  it('counts killed and timed-out mutants as detected, survivors and unreached ones against, and leaves out compile errors and disabled mutants', () => {
    const [row] = scoreFiles([report({ 'core/a.ts': ['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored', 'RuntimeError'] })]);
    expect(row).toEqual({ file: 'core/a.ts', killed: 2, timeout: 1, survived: 1, noCoverage: 1, excluded: 3 });
    expect(score(row)).toBe(60);
  });

  it('takes a file from the later report when two reports hold it, and keeps the files only one holds', () => {
    const rows = scoreFiles([report({ 'core/b.ts': ['Survived'], 'core/a.ts': ['Killed'] }), report({ 'core/b.ts': ['Killed'] })]);
    expect(rows.map((r) => [r.file, score(r)])).toEqual([
      ['core/a.ts', 100],
      ['core/b.ts', 100],
    ]);
  });

  it('totals every file and shows a file with nothing counted as a dash', () => {
    const table = renderTable(scoreFiles([report({ 'core/a.ts': ['Killed', 'Survived'], 'core/t.ts': ['CompileError'] })]));
    expect(table.split('\n')).toEqual([
      '| file | killed | timed out | survived | no coverage | not counted | score |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| core/a.ts | 1 | 0 | 1 | 0 | 0 | 50.0 % |',
      '| core/t.ts | 0 | 0 | 0 | 0 | 1 | – |',
      '| **all 2 files** | 1 | 0 | 1 | 0 | 1 | 50.0 % |',
    ]);
  });
});
