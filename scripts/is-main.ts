import path from 'node:path';

/** True when the given file is the script Node was asked to run (the CommonJS `require.main === module` test). */
export function isMain(filename: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === filename;
}
