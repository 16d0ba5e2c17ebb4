import { globToRegExp, recordScores, renderTable, score, selectFiles, sha1, type MutationReport, type Scores } from './mutation-table';

const report = (files: Record<string, [source: string, statuses: string[]]>): MutationReport => ({
  files: Object.fromEntries(
    Object.entries(files).map(([f, [source, statuses]]) => [f, { source, mutants: statuses.map((status) => ({ status: status as never })) }]),
  ),
});

describe('the mutation scores', () => {
  it('counts killed and timed-out mutants as detected, survivors and unreached ones against, and leaves out compile errors and disabled mutants', () => {
    const scores = recordScores({}, [report({ 'core/a.ts': ['a', ['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored', 'RuntimeError']] })]);
    expect(scores).toEqual({ 'core/a.ts': { killed: 2, timeout: 1, survived: 1, noCoverage: 1, excluded: 3, sha1: sha1('a') } });
    expect(score(scores['core/a.ts'])).toBe(60);
  });

  it('keeps every file it held, and takes a file from the later report when two reports hold it', () => {
    const before = recordScores({}, [report({ 'core/old.ts': ['o', ['Survived']] })]);
    const scores = recordScores(before, [report({ 'core/b.ts': ['b', ['Survived']], 'core/a.ts': ['a', ['Killed']] }), report({ 'core/b.ts': ['b2', ['Killed']] })]);
    expect(Object.keys(scores)).toEqual(['core/a.ts', 'core/b.ts', 'core/old.ts']);
    expect(Object.values(scores).map(score)).toEqual([100, 100, 0]);
    expect(scores['core/b.ts'].sha1).toBe(sha1('b2'));
  });

  it('writes paths with forward slashes whatever the report used', () => {
    expect(Object.keys(recordScores({}, [report({ 'core\\x\\a.ts': ['a', ['Killed']] })]))).toEqual(['core/x/a.ts']);
  });
});

describe('which files the config mutates', () => {
  it('reads ** as any depth of folders, * as part of one name, and ! as an exclusion', () => {
    expect(globToRegExp('core/**/*.ts').test('core/a.ts')).toBe(true);
    expect(globToRegExp('core/**/*.ts').test('core/x/y/a.ts')).toBe(true);
    expect(globToRegExp('core/*.ts').test('core/x/a.ts')).toBe(false);
    expect(globToRegExp('core/a.ts').test('core/aXts')).toBe(false);
    const files = ['core/a.ts', 'core/a.test.ts', 'core/x/b.ts', 'core/x/b.test.ts', 'core/test-grid.ts', 'core/notes.md', 'server/c.ts'];
    expect(selectFiles(files, ['core/**/*.ts', '!core/**/*.test.ts', '!core/test-grid.ts'])).toEqual(['core/a.ts', 'core/x/b.ts']);
  });
});

describe('the README table', () => {
  const scores: Scores = recordScores({}, [report({ 'core/a.ts': ['a', ['Killed', 'Survived']], 'core/t.ts': ['t', ['CompileError']] })]);

  it('totals every measured file and shows a file with nothing counted as a dash', () => {
    const table = renderTable(scores, new Map([['core/a.ts', 'a'], ['core/t.ts', 't']]));
    expect(table.split('\n')).toEqual([
      '| file | killed | timed out | survived | no coverage | not counted | score |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| core/a.ts | 1 | 0 | 1 | 0 | 0 | 50.0 % |',
      '| core/t.ts | 0 | 0 | 0 | 0 | 1 | – |',
      '| **all 2 files** | 1 | 0 | 1 | 0 | 1 | 50.0 % |',
    ]);
  });

  it('marks a file whose source changed since its run, and names the files no run has measured and those no longer mutated', () => {
    const table = renderTable(scores, new Map([['core/a.ts', 'a, edited'], ['core/new.ts', 'n'], ['core/also-new.ts', 'n']]));
    expect(table.split('\n').slice(2)).toEqual([
      '| core/a.ts | 1 | 0 | 1 | 0 | 0 | 50.0 % \\* |',
      '| core/t.ts | 0 | 0 | 0 | 0 | 1 | – |',
      '| **all 2 files** | 1 | 0 | 1 | 0 | 1 | 50.0 % |',
      '',
      '\\* changed since its run, so its score no longer speaks for the code: core/a.ts',
      '',
      'No longer mutated (removed or left out of `stryker.config.json`): core/t.ts',
      '',
      'Not yet measured: 2 of 3 files — core/also-new.ts, core/new.ts',
    ]);
  });
});
