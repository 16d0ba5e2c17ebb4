/**
 * The README's mutation score table from Stryker's JSON reports (`npm run mutate:table`, after
 * `npm run mutate`). Reads reports/mutation/mutation.json, or the reports named on the command line;
 * when two reports hold the same file, the later one wins, so the per-file runs of a day add up.
 *
 * Counted as Stryker counts: killed and timed-out mutants are detected; survivors and mutants no test
 * reaches are not. Mutants the type checker rejects (compile errors) and those disabled with a reason
 * (`// Stryker disable next-line <mutator>: <reason>`, reported as ignored) are left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMain } from './is-main';

type Status = 'Killed' | 'Timeout' | 'Survived' | 'NoCoverage' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
export interface MutationReport {
  files: Record<string, { mutants: { status: Status }[] }>;
}
/** How many of a file's mutants ended in each way that the table shows. */
export interface Counts {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Compile errors, runtime errors and disabled mutants: not counted in the score. */
  excluded: number;
}
export interface FileScore extends Counts {
  file: string;
}
const STATUSES: Record<keyof Counts, readonly Status[]> = {
  killed: ['Killed'],
  timeout: ['Timeout'],
  survived: ['Survived'],
  noCoverage: ['NoCoverage'],
  excluded: ['CompileError', 'RuntimeError', 'Ignored'],
};
const KEYS = Object.keys(STATUSES) as (keyof Counts)[];
function countsOf(count: (key: keyof Counts) => number): Counts {
  const counts = {} as Counts;
  for (const k of KEYS) counts[k] = count(k);
  return counts;
}

/** One row per file, in path order, the later report winning for a file both hold. */
export function scoreFiles(reports: readonly MutationReport[]): FileScore[] {
  const files = new Map<string, MutationReport['files'][string]>();
  for (const report of reports) for (const [file, result] of Object.entries(report.files)) files.set(file, result);
  return [...files.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, { mutants }]) => ({ file, ...countsOf((k) => mutants.filter((m) => STATUSES[k].includes(m.status)).length) }));
}

/** Detected over counted mutants, in percent; null when nothing is counted. */
export function score(s: Counts): number | null {
  const counted = s.killed + s.timeout + s.survived + s.noCoverage;
  return counted === 0 ? null : (100 * (s.killed + s.timeout)) / counted;
}

export function renderTable(rows: readonly FileScore[]): string {
  const pct = (s: Counts) => {
    const v = score(s);
    return v === null ? '–' : `${v.toFixed(1)} %`;
  };
  const total = countsOf((k) => rows.reduce((sum, r) => sum + r[k], 0));
  const line = (name: string, s: Counts) => `| ${name} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.excluded} | ${pct(s)} |`;
  return [
    '| file | killed | timed out | survived | no coverage | not counted | score |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => line(r.file.replace(/\\/g, '/'), r)),
    line(`**all ${rows.length} ${rows.length === 1 ? 'file' : 'files'}**`, total),
  ].join('\n');
}

if (isMain(__filename)) {
  const given = process.argv.slice(2);
  const files = given.length > 0 ? given : [path.join('reports', 'mutation', 'mutation.json')];
  console.log(renderTable(scoreFiles(files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as MutationReport))));
}
