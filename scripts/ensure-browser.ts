/**
 * Run before the tests: the browser tests drive Debian's Chromium. On a fresh Debian machine where we
 * are root, install it (and a CJK font) from apt so that `npm test` needs nothing installed by hand;
 * elsewhere, say exactly what is missing.
 */
import { isMain } from './is-main';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasFont(): boolean {
  try {
    execSync('dpkg -s fonts-wqy-microhei', { stdio: 'ignore' });
    return true;
  } catch {
    return !existsSync('/usr/bin/dpkg'); // not Debian: fonts are the system's business
  }
}

function main() {
  if (existsSync(CHROMIUM_PATH) && hasFont()) return;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(`Chromium not found at ${CHROMIUM_PATH}. Install it (Debian: sudo apt-get install -y chromium fonts-wqy-microhei) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log('Installing Chromium and a CJK font from apt for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync('apt-get install -y -qq chromium fonts-wqy-microhei', { stdio: 'inherit', env });
}

if (isMain(__filename)) main();
