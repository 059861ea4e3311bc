import { NeedsValidation, PlacementError, WorkloadSpec } from '../../lib';

const ok: WorkloadSpec = { image: 'public.ecr.aws/nginx/nginx:1.27', cpu: 0.5, memoryMiB: 512 };
const check = (patch: object) => () => NeedsValidation.workload('Stack/acme', { ...ok, ...patch } as WorkloadSpec);

describe('valid workloads', () => {
  test.each([
    'nginx', 'nginx:1.27', 'library/nginx:latest', 'ghcr.io/acme/api:1.4.2', 'localhost:5000/team/app',
    `registry.example.com/app@sha256:${'a'.repeat(64)}`, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:v2',
    '${var.image}',
  ])('image %s is accepted', (image) => {
    expect(check({ image })()).toEqual([]);
  });

  test('every optional field at its edge is accepted', () => {
    expect(check({
      port: 65535, replicas: 1, command: ['node', 'server.js'], environment: { LOG_LEVEL: 'info', _X: '' },
      secrets: {
        DB_PASSWORD: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf',
        API_TOKEN: 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/token',
      },
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], intervalSeconds: 10, retries: 1, startPeriodSeconds: 0 },
    })()).toEqual([]);
  });
});

describe('invalid workloads are PlacementErrors naming path, field and fix', () => {
  test.each([
    ['missing workload', undefined, /Stack\/acme: workload is missing/],
    ['empty image', { image: ' ' }, /workload.image is empty.*Fix:/],
    ['upper-case image', { image: 'Nginx' }, /workload.image 'Nginx' is not a valid image reference/],
    ['image with spaces', { image: 'nginx latest' }, /not a valid image reference/],
    ['zero cpu', { cpu: 0 }, /workload.cpu must be a number of vCPUs greater than 0, got 0/],
    ['negative memory', { memoryMiB: -1 }, /workload.memoryMiB must be a whole number of MiB greater than 0, got -1/],
    ['fractional memory', { memoryMiB: 700.5 }, /workload.memoryMiB must be a whole number of MiB greater than 0, got 700.5/],
    ['NaN cpu', { cpu: Number.NaN }, /workload.cpu must be a number of vCPUs greater than 0, got NaN\./],
    ['infinite cpu', { cpu: Number.POSITIVE_INFINITY }, /got Infinity\./],
    ['cpu below the shared minimum', { cpu: 0.009 }, /workload.cpu 0.009 is below the minimum of 0.01 vCPU/],
    ['memory below the shared minimum', { memoryMiB: 5 }, /workload.memoryMiB 5 is below the minimum of 6 MiB that Docker and ECS accept/],
    ['replicas above the ceiling', { replicas: 5001 }, /workload.replicas 5001 is above the maximum of 5000 replicas/],
    ['env value with a line break', { environment: { A: 'x\nB=y' } }, /workload.environment.A contains a line break/],
    ['string cpu', { cpu: '1' }, /workload.cpu.*got '1'/],
    ['fractional replicas', { replicas: 1.5 }, /replicas must be a whole number of at least 1, got 1.5/],
    ['zero replicas', { replicas: 0 }, /replicas/],
    ['port 0', { port: 0 }, /workload.port must be a whole number from 1 to 65535, got 0/],
    ['port 65536', { port: 65536 }, /workload.port/],
    ['command as string', { command: 'node server.js' }, /workload.command must be a list of strings/],
    ['env name with dash', { environment: { 'LOG-LEVEL': 'x' } }, /invalid variable name 'LOG-LEVEL'/],
    ['env name starting with digit', { environment: { '1X': 'x' } }, /invalid variable name '1X'/],
    ['env value not string', { environment: { N: 3 } }, /workload.environment.N must be a string/],
    ['secret as value', { secrets: { DB_PASSWORD: 'hunter2' } }, /workload.secrets.DB_PASSWORD must be an SSM parameter or Secrets Manager secret ARN.*never the secret value/],
    ['secret in both', { environment: { A: 'x' }, secrets: { A: 'arn:aws:ssm:eu-west-1:123456789012:parameter/a' } }, /A is both in workload.environment and in workload.secrets/],
    ['health check without CMD', { healthCheck: { command: ['curl', 'x'] } }, /must be a list starting with CMD or CMD-SHELL/],
    ['health check with only CMD', { healthCheck: { command: ['CMD'] } }, /no check after CMD/],
    ['health check interval 0', { healthCheck: { command: ['CMD', 'true'], intervalSeconds: 0 } }, /intervalSeconds must be a whole number of at least 1/],
  ])('%s', (_name, patch, message) => {
    const run = patch === undefined ? () => NeedsValidation.workload('Stack/acme', undefined) : check(patch);
    expect(run).toThrow(PlacementError);
    expect(run).toThrow(message);
  });
});

test('null optional fields mean "not given", as in an empty YAML key', () => {
  const workload = { ...ok, port: null, replicas: null, command: null, environment: null, secrets: null, healthCheck: null } as never;
  expect(NeedsValidation.workload('Stack/acme', workload)).toEqual([]);
  expect(NeedsValidation.withoutNulls(workload)).toEqual(ok);
  expect(NeedsValidation.withoutNulls({ ...ok, healthCheck: { command: ['CMD', 'true'], retries: null } } as never))
    .toEqual({ ...ok, healthCheck: { command: ['CMD', 'true'] } });
});

describe('secret-looking plain environment values warn', () => {
  test.each([
    ['DB_PASSWORD', 'hunter2'], ['GITHUB_TOKEN', 'ghp_x'], ['STRIPE_API_KEY', 'sk_live'], ['AWS_KEY', 'AKIAABCDEFGHIJKLMNOP'],
    ['TLS', '-----BEGIN RSA PRIVATE KEY-----MIIabc'],
  ])('%s', (name, value) => {
    const warnings = check({ environment: { [name]: value } })();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`workload.environment.${name} looks like a secret`);
    expect(warnings[0]).toContain('Move it to workload.secrets');
  });

  test('ordinary values and empty secret-named values do not warn', () => {
    expect(check({ environment: { LOG_LEVEL: 'debug', TOKEN_TTL_HINT: '', PORT: '8080' } })()).toEqual([]);
  });
});
