/**
 * Runs WeChat's miniprogram-ci checks offline on a weapp build, in a process of its own:
 * `tsx official-checks-child.ts <projectPath> <outFile>`. miniprogram-ci leaves handles open (analyseCode's
 * file watcher among them), so the test runs it here and this process simply exits when the checks are
 * done; the test suite then ends on its own, without Jest's --forceExit. Writes one JSON answer to outFile:
 * the compiled file names and app.wxss, the analysed modules, and the code-quality items.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AnalysedModule {
  id: string;
  type: string;
  path: string;
  errors?: unknown[];
  buildError?: unknown;
}
export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}
export interface ProjectAttr {
  setting: { MaxCodeSize: number; MaxSubpackageSubCodeSize: number; MaxSubpackageFullCodeSize: number };
}
export interface OfficialChecks {
  compiledFiles: string[];
  appWxss: string;
  modules: AnalysedModule[];
  quality: QualityItem[];
  limits: ProjectAttr['setting'];
}
interface MiniprogramCi {
  Project: new (opts: Record<string, unknown>) => unknown;
  getCompiledResult: (opts: { project: unknown; setting: Record<string, boolean> }, zipPath?: string) => Promise<Record<string, string | Buffer>>;
  analyseCode: (project: unknown) => Promise<{ modules: AnalysedModule[] }>;
  checkCodeQuality: (project: unknown) => Promise<QualityItem[]>;
}

async function main(projectPath: string, outFile: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS tool loaded on demand in this child process
  const ci = require('miniprogram-ci') as MiniprogramCi;
  // The tool's own defaults for the account's attributes, so it does not download them (TOOLCHAIN.md).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal CommonJS file of the tool
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config') as { DefaultProjectAttr: ProjectAttr };
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-ci-'));
  try {
    // A throwaway upload key: the offline checks need one to construct the project, nothing is uploaded.
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPath = path.join(keyDir, 'private.key');
    fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath, privateKeyPath, ignores: ['node_modules/**/*'], attr: async () => DefaultProjectAttr });
    const compiled = await ci.getCompiledResult({ project, setting: { es6: false, minify: true, minifyWXML: true, minifyWXSS: true } });
    const { modules } = await ci.analyseCode(project);
    const quality = await ci.checkCodeQuality(project);
    const answer: OfficialChecks = {
      compiledFiles: Object.keys(compiled),
      appWxss: String(compiled['app.wxss'] ?? ''),
      modules: modules.map(({ id, type, path: p, errors, buildError }) => ({ id, type, path: p, errors, buildError })),
      quality,
      limits: DefaultProjectAttr.setting,
    };
    fs.writeFileSync(outFile, JSON.stringify(answer));
  } finally {
    fs.rmSync(keyDir, { recursive: true, force: true });
  }
}

main(process.argv[2], process.argv[3]).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
