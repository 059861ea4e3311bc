import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

// Builds scratch consumer projects outside the repository: the packed tarball plus what a user's
// project would install from the registry, through npm's shared cache.
export const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);

/** The tested versions: the exact devDependencies of this repository. */
export const TESTED = (() => {
  const dev = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies as Record<string, string>;
  const installed = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string;
  return {
    cdktf: dev.cdktf,
    constructs: dev.constructs,
    aws: dev['@cdktf/provider-aws'],
    docker: dev['@cdktf/provider-docker'],
    // The compiler a consumer type-checks with: the one this repository builds with, so npm's cache has it.
    typescript: installed('typescript'),
  };
})();

export const AWS_PROVIDER = '@cdktf/provider-aws';
export const DOCKER_PROVIDER = '@cdktf/provider-docker';

/**
 * The package is built from the compiled lib/ and the .jsii: refuse to test a missing or stale build
 * (a .ts newer than its .js), which would ship code other than the sources.
 */
export function assertBuilt(dir = path.join(ROOT, 'lib')): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      assertBuilt(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const js = full.replace(/\.ts$/, '.js');
      if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(full).mtimeMs) {
        throw new Error(`${path.relative(ROOT, js)} is missing or older than its source: run \`npm run build\` first (npm test does).`);
      }
    }
  }
}

/** npm's environment without what `npm test` exports about this repository. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_ISOLATION_QUIET: '1' };
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix|config_global_prefix)/i.test(key) || key === 'INIT_CWD' || key === 'JEST_WORKER_ID') delete env[key];
  }
  return env;
}

/** `npm pack` of this repository (built by `npm run build`) into `dir`; returns the tarball's path. */
export function packTarball(dir: string): string {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  return path.join(dir, JSON.parse(out)[0].filename);
}

/** The files `npm pack` would put in the tarball. */
export function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8', env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  return (JSON.parse(out)[0].files as Array<{ path: string }>).map((f) => f.path);
}

/**
 * Which provider packages `require('cdktf-isolation')` loads by itself (the compiled lib/index.js,
 * in a fresh process). A consumer must install those whatever targets it constructs.
 */
export function eagerProviders(): string[] {
  const script = `require(${JSON.stringify(path.join(ROOT, 'lib', 'index.js'))});
    const names = new Set(Object.keys(require.cache).map((f) => (/node_modules[\\\\/](@cdktf[\\\\/]provider-[a-z]+)[\\\\/]/.exec(f) || [])[1]).filter(Boolean));
    process.stdout.write(JSON.stringify([...names].map((n) => n.replace(/\\\\/g, '/')).sort()));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

export interface Scratch {
  readonly dir: string;
  /** Seconds `npm install` took. */
  readonly installSeconds: number;
}

/**
 * A project in its own temp folder with `package` as its package.json, installed with one
 * `npm install` (npm's shared cache, offline when it can; no install scripts are needed).
 */
export async function scratchProject(name: string, pkg: Record<string, unknown>): Promise<Scratch> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `consumer-${name}-`));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `scratch-${name}`, version: '0.0.0', private: true, ...pkg }, null, 2));
  const started = Date.now();
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    { cwd: dir, env: npmEnv(), maxBuffer: 16 * 1024 * 1024 });
  return { dir, installSeconds: (Date.now() - started) / 1000 };
}

/** Runs a command in a scratch project; on failure the error carries its output. */
export function inScratch(dir: string, command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: dir, encoding: 'utf8', env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${dir}:\n${err.stdout ?? ''}${err.stderr ?? err.message}`);
  }
}

/**
 * Type-checks the project's .ts files under strict with its own TypeScript (the installed .d.ts
 * checked too) and compiles them to out/; returns the files the compiler read.
 */
export function typeCheck(dir: string, files: string[]): string[] {
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs', outDir: 'out', skipLibCheck: false, types: [] },
    files,
  }, null, 2));
  return inScratch(dir, process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--listFiles'])
    .split('\n').filter(Boolean).map((f) => path.relative(dir, f));
}
