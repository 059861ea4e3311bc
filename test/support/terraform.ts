import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The terraform tier: synthesized stacks must pass `terraform init`, `validate` and `plan` offline,
// against the provider mirror. Credentials and endpoints are overridden for the plan only, in an
// override file next to the stack, never in the examples.

export const PLUGIN_MIRROR = process.env.CDKTF_ISOLATION_TF_MIRROR ?? '/opt/tf-plugins';

/** The terraform binary on PATH, or undefined. */
export function terraformBinary(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

// AWS services the library's resources call; every endpoint points at a closed local port so that
// an accidental API call fails fast instead of reaching AWS.
const SERVICES = ['applicationautoscaling', 'autoscaling', 'ec2', 'ecs', 'elbv2', 'iam', 'kms', 'logs', 'ssm', 'sts'];

/**
 * Fake credentials and no AWS calls: written next to the stack as an override, for the plan only.
 * One block per AWS provider configuration of the stack (an override must match a block's alias).
 * @param aliases the aliases of the stack's AWS providers (undefined for the default one)
 */
export function planOverride(aliases: Array<string | undefined> = [undefined]): string {
  const endpoints = Object.fromEntries(SERVICES.map((s) => [s, 'http://127.0.0.1:1']));
  return JSON.stringify({
    provider: {
      aws: aliases.map((alias) => ({
        ...(alias === undefined ? {} : { alias }),
        access_key: 'AKIAPLANONLYFAKEKEY0', secret_key: 'plan-only-fake-secret',
        skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true,
        skip_region_validation: true, endpoints: [endpoints],
      })),
    },
  }, null, 2);
}

/** The aliases of the AWS providers a synthesized stack declares. */
function awsProviderAliases(stackDir: string): Array<string | undefined> {
  const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const providers: Array<{ alias?: string }> = json.provider?.aws ?? [];
  return providers.length ? providers.map((p) => p.alias) : [undefined];
}

export interface PlanResult {
  readonly seconds: { init: number; validate: number; plan: number };
  readonly planOutput: string;
}

/**
 * Runs init, validate and plan in a synthesized stack directory (holding cdk.tf.json); throws with terraform's output on failure.
 * @param plan false to stop after validate (planOutput is then empty)
 */
export function initValidatePlan(stackDir: string, plan = true): PlanResult {
  const terraform = terraformBinary();
  if (!terraform) throw new Error('terraform is not on PATH');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-home-'));
  const cliConfig = path.join(home, 'terraformrc');
  fs.writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path = "${PLUGIN_MIRROR}"\n  }\n}\n`);
  fs.writeFileSync(path.join(stackDir, 'zz_plan_only_override.tf.json'), planOverride(awsProviderAliases(stackDir)));
  const env = {
    ...process.env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0',
    TF_DATA_DIR: path.join(stackDir, '.terraform'), AWS_EC2_METADATA_DISABLED: 'true',
  };
  const run = (args: string[]): [number, string] => {
    const start = Date.now();
    try {
      const out = execFileSync(terraform, args, { cwd: stackDir, env, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
      return [(Date.now() - start) / 1000, out];
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`terraform ${args[0]} failed in ${stackDir}:\n${err.stderr ?? ''}\n${(err.stdout ?? '').slice(-4000)}`);
    }
  };
  const [init] = run(['init', '-input=false', '-no-color']);
  const [validate] = run(['validate', '-no-color']);
  if (!plan) return { seconds: { init, validate, plan: 0 }, planOutput: '' };
  const [planned, planOutput] = run(['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false']);
  return { seconds: { init, validate, plan: planned }, planOutput };
}

/** The examples that use AwsTarget (each with its own cdktf.json). */
export function awsExamples(root: string): string[] {
  const dir = path.join(root, 'examples');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => {
    const main = path.join(dir, name, 'main.ts');
    return fs.existsSync(path.join(dir, name, 'cdktf.json')) && fs.existsSync(main) && fs.readFileSync(main, 'utf8').includes('AwsTarget');
  }).map((name) => path.join(dir, name));
}

/** `npx cdktf synth` in an example directory, as a user runs it, into `outdir`; returns the stack directories. */
export function cdktfSynth(exampleDir: string, outdir: string, repoRoot: string): string[] {
  const cliConfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-cli-')), 'terraformrc');
  fs.writeFileSync(cliConfig, '');
  try {
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', outdir], {
      cwd: exampleDir, stdio: 'pipe', encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfig, CI: '1', FORCE_COLOR: '0' },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`cdktf synth failed in ${exampleDir}:\n${err.stderr ?? ''}\n${(err.stdout ?? '').slice(-4000)}`);
  }
  const stacks = path.join(outdir, 'stacks');
  return fs.readdirSync(stacks).map((s) => path.join(stacks, s));
}
