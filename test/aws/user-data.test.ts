import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AwsTarget, IsolatedTenant, PlacementTier } from '../../lib';
import { OFFLINE, WEB } from '../support/aws-stacks';
import { containerDefinitions } from '../../lib/targets/aws/container-definition';
import { ecsUserData, envFileValue, terraformLiteral, vmUserData } from '../../lib/targets/aws/user-data';

const BASE = { where: 'test/acme', region: 'eu-central-1', partition: 'aws', logGroupName: '/isolation/tenant/acme', name: 'acme' };

describe('VM user data', () => {
  test.each<[string, Record<string, string>, RegExp]>([
    ['SSM parameter', { TOKEN: 'arn:aws:ssm:eu-central-1:123456789012:parameter/acme/token' },
      /value="\$\(retry aws ssm get-parameter --region 'eu-central-1' --with-decryption --name 'arn:aws:ssm:eu-central-1:123456789012:parameter\/acme\/token' --query Parameter.Value --output text\)"\n.*\nprintf '%s=%s\\n' 'TOKEN' "\$value"/],
    ['Secrets Manager secret with a JSON key', { DB: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf:password::' },
      /aws secretsmanager get-secret-value --region 'eu-central-1' --secret-id 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf' --query SecretString/],
  ])('fetches a %s at boot, never writing its value into Terraform', (_, secrets, line) => {
    const script = vmUserData({ ...BASE, workload: { image: 'nginx:1.27', cpu: 1, memoryMiB: 256, secrets } });
    expect(script).toMatch(line);
    expect(script).toContain('--env-file /run/workload/env');
    expect(script).toContain('unset value');
  });

  test('quotes plain values for the shell and logs in to ECR for ECR images only', () => {
    const ecr = vmUserData({ ...BASE, workload: {
      image: '123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/api:1.0', cpu: 1, memoryMiB: 256,
      environment: { GREETING: "it's $HOME" }, command: ['serve', '--port', '8080'],
    } });
    expect(ecr).toContain(`printf '%s=%s\\n' 'GREETING' 'it'"'"'s $HOME'`);
    expect(ecr).toContain("docker login --username AWS --password-stdin '123456789012.dkr.ecr.eu-central-1.amazonaws.com'");
    expect(ecr).toMatch(/'123456789012\.dkr\.ecr\.eu-central-1\.amazonaws\.com\/acme\/api:1\.0' \\\n  'serve' \\\n  '--port' \\\n  '8080'\nWORKLOAD_RUN\n/);
    expect(vmUserData({ ...BASE, workload: { image: 'nginx:1.27', cpu: 1, memoryMiB: 256 } })).not.toContain('docker login');
  });

  test('network steps retry (the route out may still be settling at first boot); a secret is read in its own region', () => {
    const script = vmUserData({ ...BASE, workload: { image: '123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/api:1.0', cpu: 1, memoryMiB: 256,
      secrets: { T: 'arn:aws:ssm:us-east-1:123456789012:parameter/t' } } });
    expect(script).toContain('command -v docker >/dev/null || retry dnf install -y docker');
    expect(script).toContain('retry ecr_login');
    expect(script).toContain("retry docker pull '123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/api:1.0'");
    expect(script).toContain("aws ssm get-parameter --region 'us-east-1'");
  });

  test('a systemd unit runs the workload and restarts it for ever; user data only writes files and enables it', () => {
    const script = vmUserData({ ...BASE, workload: { image: 'nginx:1.27', cpu: 1, memoryMiB: 256 } });
    const unit = /<<'WORKLOAD_UNIT'\n([\s\S]*?)\nWORKLOAD_UNIT\n/.exec(script)![1].split('\n');
    expect(unit).toEqual(expect.arrayContaining(['Restart=always', 'RestartSec=10', 'StartLimitIntervalSec=0',
      'After=network-online.target', 'ExecStartPre=/usr/local/sbin/workload-prepare', 'ExecStart=/usr/local/sbin/workload-run',
      'WantedBy=multi-user.target']));
    expect(script).toContain("exec docker run --rm \\\n  --name 'acme'");
    expect(script).not.toMatch(/docker run -d|--restart /);
    expect(script.trimEnd().split('\n').slice(-2)).toEqual(['systemctl daemon-reload', 'systemctl enable --now --no-block workload.service']);
  });

  test('env file values can never become a second line (defence in depth behind the input check)', () => {
    expect(envFileValue('a\nB=evil\r\0')).toBe('a\\nB=evil\\r\\0');
    const script = vmUserData({ ...BASE, workload: { image: 'nginx:1.27', cpu: 1, memoryMiB: 256, environment: { A: 'x\nB=evil' } } });
    expect(script).toContain("printf '%s=%s\\n' 'A' 'x\\nB=evil' >> /run/workload/env");
    expect(script.split('\n').some((line) => line.startsWith('B=evil'))).toBe(false);
  });

  test('health check flags follow the declared check', () => {
    const script = vmUserData({ ...BASE, workload: { image: 'nginx:1.27', cpu: 1, memoryMiB: 256,
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], retries: 5 } } });
    expect(script).toContain("--health-cmd 'curl -f http://localhost/ || exit 1'");
    expect(script).toContain('--health-retries 5');
  });

  test('shared capacity joins its cluster with metadata blocked and privileged containers disabled', () => {
    expect(ecsUserData('dense-aws', 'trusted').split('\n')).toEqual(expect.arrayContaining([
      'ECS_CLUSTER=dense-aws', 'ECS_AWSVPC_BLOCK_IMDS=true', 'ECS_DISABLE_PRIVILEGED=true']));
  });
});

test('ECS container definition: secrets by valueFrom, no-new-privileges only where ECS supports it', () => {
  const w = { image: 'nginx:1.27', cpu: 0.25, memoryMiB: 512, port: 80, secrets: { A: 'arn:aws:ssm:eu-central-1:123456789012:parameter/a' } };
  const [fargate] = JSON.parse(containerDefinitions('web', w, 512, 'eu-central-1', '/isolation/service/web', true));
  const [ec2] = JSON.parse(containerDefinitions('web', w, 512, 'eu-central-1', '/isolation/service/web', false));
  expect(fargate.secrets).toEqual([{ name: 'A', valueFrom: 'arn:aws:ssm:eu-central-1:123456789012:parameter/a' }]);
  expect(fargate.dockerSecurityOptions).toBeUndefined();
  expect(ec2.dockerSecurityOptions).toEqual(['no-new-privileges']);
  expect(fargate.mountPoints).toEqual([{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }]);
  expect(fargate.portMappings).toEqual([{ containerPort: 80, protocol: 'tcp' }]);
});

test('the script reaches EC2 as written: bash ${...} and %{ are escaped for Terraform, cdktf tokens are not', () => {
  expect(terraformLiteral('v="${value//x}"; printf %{ if }')).toBe('v="$${value//x}"; printf %%{ if }');
  expect(terraformLiteral('echo ${TfToken[TOKEN.12]}')).toBe('echo ${TfToken[TOKEN.12]}');
});

test('a secret given as a token (e.g. a Terraform variable): the VM tiers refuse it in their offers, so a HOSTILE tenant runs on Fargate; a VM pin is a PlacementError, not a TypeError', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  const target = new AwsTarget(stack, 'aws', OFFLINE);
  const arn = new TerraformVariable(stack, 'db', { type: 'string' }).stringValue;
  const acme = new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: { ...WEB, secrets: { DB: arn } } });
  expect(acme.placement.tier).toBe('microvm-container');
  expect(acme.placement.reasons.join(' ')).toMatch(/vm cannot run this workload, so it is not considered: workload.secrets.DB is not a literal ARN/);
  expect(() => new IsolatedTenant(stack, 'pinned', { tenantId: 'pinned', target, pin: PlacementTier.VM, workload: { ...WEB, secrets: { DB: arn } } }))
    .toThrow(/workload.secrets.DB is not a literal ARN .* Fix: give the SSM parameter or Secrets Manager ARN as a string/);
});
