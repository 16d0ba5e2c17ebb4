/**
 * The mutation scores of core/, kept across runs and sessions in test/mutate/scores.json (tracked), and the
 * README's table made from them.
 *
 *   npm run mutate:record [report…]   fold Stryker's JSON reports (default reports/mutation/mutation.json)
 *                                     into scores.json; a later report wins for a file both hold
 *   npm run mutate:table              the README table from scores.json and the files of core/ as they are
 *
 * A file's score is kept with a hash of the source Stryker mutated. When the file has changed since, its
 * row is marked: the score no longer speaks for the code. Files that `stryker.config.json` mutates and no
 * run has measured are named under the table.
 *
 * Counted as Stryker counts: killed and timed-out mutants are detected; survivors and mutants no test
 * reaches are not. Mutants the type checker rejects (compile errors) and those disabled with a reason
 * (`// Stryker disable next-line <mutator>: <reason>`, reported as ignored) are left out.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMain } from './is-main';

type Status = 'Killed' | 'Timeout' | 'Survived' | 'NoCoverage' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
export interface MutationReport {
  files: Record<string, { source: string; mutants: { status: Status }[] }>;
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
/** A file's counts from its latest run, with the hash of the source that run mutated. */
export interface Measured extends Counts {
  sha1: string;
}
/** scores.json: per file (a path from the project root, with forward slashes), its latest measurement. */
export type Scores = Record<string, Measured>;

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

export const sha1 = (source: string): string => createHash('sha1').update(source).digest('hex');
const slashed = (file: string) => file.replace(/\\/g, '/');

/** The scores with every file of the reports replaced by its result there, the later report winning. */
export function recordScores(scores: Scores, reports: readonly MutationReport[]): Scores {
  const next: Scores = { ...scores };
  for (const report of reports) {
    for (const [file, { source, mutants }] of Object.entries(report.files)) {
      next[slashed(file)] = { ...countsOf((k) => mutants.filter((m) => STATUSES[k].includes(m.status)).length), sha1: sha1(source) };
    }
  }
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
}

/** Detected over counted mutants, in percent; null when nothing is counted. */
export function score(s: Counts): number | null {
  const counted = s.killed + s.timeout + s.survived + s.noCoverage;
  return counted === 0 ? null : (100 * (s.killed + s.timeout)) / counted;
}

/** A pattern of stryker.config.json's `mutate` (`core/**\/*.ts`) as a regular expression over whole paths. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** The files the patterns select: those some plain pattern matches and no `!` pattern does. */
export function selectFiles(files: readonly string[], patterns: readonly string[]): string[] {
  const take = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const drop = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  return files.filter((f) => take.some((r) => r.test(f)) && !drop.some((r) => r.test(f)));
}

/**
 * The README table: one row per measured file, then the total, then what the numbers do not cover.
 * `current` holds the source of each file the config mutates now.
 */
export function renderTable(scores: Scores, current: ReadonlyMap<string, string>): string {
  const pct = (s: Counts) => {
    const v = score(s);
    return v === null ? '–' : `${v.toFixed(1)} %`;
  };
  const line = (name: string, s: Counts, mark = '') => `| ${name} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.excluded} | ${pct(s)}${mark} |`;
  const files = Object.keys(scores).sort((a, b) => a.localeCompare(b));
  const changed = files.filter((f) => current.has(f) && sha1(current.get(f) as string) !== scores[f].sha1);
  const gone = files.filter((f) => !current.has(f));
  const unmeasured = [...current.keys()].filter((f) => !(f in scores)).sort((a, b) => a.localeCompare(b));
  const total = countsOf((k) => files.reduce((sum, f) => sum + scores[f][k], 0));
  const notes = [
    changed.length > 0 ? `\\* changed since its run, so its score no longer speaks for the code: ${changed.join(', ')}` : '',
    gone.length > 0 ? `No longer mutated (removed or left out of \`stryker.config.json\`): ${gone.join(', ')}` : '',
    unmeasured.length > 0 ? `Not yet measured: ${unmeasured.length} of ${current.size} files — ${unmeasured.join(', ')}` : '',
  ].filter((n) => n !== '');
  return [
    '| file | killed | timed out | survived | no coverage | not counted | score |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...files.map((f) => line(f, scores[f], changed.includes(f) ? ' \\*' : '')),
    line(`**all ${files.length} ${files.length === 1 ? 'file' : 'files'}**`, total),
    ...(notes.length > 0 ? ['', ...notes.flatMap((n, i) => (i === 0 ? [n] : ['', n]))] : []),
  ].join('\n');
}

const ROOT = path.join(__dirname, '..');
const SCORES = path.join(ROOT, 'test', 'mutate', 'scores.json');

function readScores(): Scores {
  try {
    return JSON.parse(readFileSync(SCORES, 'utf8')) as Scores;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
}

/** Each file stryker.config.json mutates, with its source now. */
function currentSources(): Map<string, string> {
  const config = JSON.parse(readFileSync(path.join(ROOT, 'stryker.config.json'), 'utf8')) as { mutate: string[] };
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else files.push(rel);
    }
  };
  const roots = new Set(config.mutate.filter((p) => !p.startsWith('!')).map((p) => p.split('/')[0]));
  for (const dir of roots) walk(dir);
  return new Map(selectFiles(files, config.mutate).map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')]));
}

if (isMain(__filename)) {
  const [command, ...given] = process.argv.slice(2);
  if (command === 'record') {
    const reports = given.length > 0 ? given : [path.join(ROOT, 'reports', 'mutation', 'mutation.json')];
    const scores = recordScores(readScores(), reports.map((f) => JSON.parse(readFileSync(f, 'utf8')) as MutationReport));
    writeFileSync(SCORES, `${JSON.stringify(scores, null, 2)}\n`);
    console.log(`${path.relative(ROOT, SCORES)}: ${Object.keys(scores).length} files`);
  } else if (command === undefined || command === 'table') {
    console.log(renderTable(readScores(), currentSources()));
  } else {
    console.error('usage: mutation-table.ts [table] | record [report.json…]');
    process.exit(2);
  }
}
