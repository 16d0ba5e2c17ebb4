/**
 * Every fast-check property in the node tests runs with a known seed, so a failing run can be replayed:
 * - by default a fixed seed (the same inputs on every machine and every run);
 * - `FC_SEED=<n>` replays run n (fast-check prints the seed and path of a failure in its message);
 * - `FC_SEED=random` explores new inputs and prints the seed it chose first.
 */
import fc from 'fast-check';

export const DEFAULT_FC_SEED = 20261202;

/** The seed an environment asks for; a malformed value is refused rather than silently replaced. */
export function fastCheckSeed(env: Readonly<Record<string, string | undefined>>, random: () => number = Math.random): { seed: number; chosen: boolean } {
  const raw = (env.FC_SEED ?? '').trim();
  if (raw === '') return { seed: DEFAULT_FC_SEED, chosen: false };
  if (raw === 'random') return { seed: Math.floor(random() * 2 ** 31), chosen: true };
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(raw)}`);
  return { seed: Number(raw), chosen: false };
}

const { seed, chosen } = fastCheckSeed(process.env);
if (chosen) process.stderr.write(`fast-check seed ${seed} (replay with FC_SEED=${seed})\n`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
