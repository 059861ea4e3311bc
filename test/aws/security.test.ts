import { IsolatedTenant, PoolPlanner } from '../../lib';
import { awsStack, mixedStack, OFFLINE, WEB } from '../support/aws-stacks';
import { containers, ofType, policyDocuments, SynthResource, synthesize } from '../support';

// One stack with a workload on every AWS tier; every security-relevant attribute is checked on
// every resource that carries it, not only in snapshots.
const { stack, target } = awsStack();
mixedStack(stack, target);
const { resources, text } = synthesize(stack);
const all = (type: string): SynthResource[] => {
  const found = ofType(resources, type);
  expect(found.length).toBeGreaterThan(0);
  return found;
};

describe('every AWS tier carries the hardened defaults', () => {
  test('instances: IMDSv2 required with hop limit 2 (the workload container reaches its role), encrypted root volume with a stack CMK, no key pair, no public IP', () => {
    const instances = all('aws_instance');
    expect(instances).toHaveLength(2 + 1 + 3);
    for (const { body } of instances) {
      expect(body.metadata_options).toMatchObject({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 2 });
      expect(body.root_block_device.encrypted).toBe(true);
      expect(body.root_block_device.kms_key_id).toMatch(/^\$\{aws_kms_key\.[^.]+\.arn\}$/);
      expect(body.key_name).toBeUndefined();
      expect(body.associate_public_ip_address).toBe(false);
      expect(body.iam_instance_profile).toMatch(/^\$\{aws_iam_instance_profile\./);
    }
  });

  test('instances run the image hardened: read-only, capabilities dropped, no new privileges, limits, restart, awslogs', () => {
    for (const { body } of all('aws_instance')) {
      const script: string = body.user_data;
      for (const flag of ['--read-only', '--cap-drop ALL', '--security-opt no-new-privileges:true', '--memory 512m', '--cpus 0.5',
        'Restart=always', '--log-driver awslogs', 'systemctl enable --now --no-block workload.service']) {
        expect(script).toContain(flag);
      }
      expect(script).not.toContain('--privileged');
      expect(script).not.toMatch(/docker\.sock|--network host|--pid host/);
    }
  });

  test('tenancy: default for VM, dedicated for DEDICATED_VM, host + host_id for DEDICATED_HOST', () => {
    const byTenant = (tenant: string) => all('aws_instance').filter((r) => r.body.tags['isolation:tenant'] === tenant);
    expect(byTenant('acme').map((r) => r.body.tenancy)).toEqual(['default', 'default']);
    expect(byTenant('globex').map((r) => r.body.tenancy)).toEqual(['dedicated']);
    const hosted = byTenant('initech');
    expect(hosted.map((r) => r.body.tenancy)).toEqual(['host', 'host', 'host']);
    for (const { body } of hosted) expect(body.host_id).toMatch(/^\$\{aws_ec2_host\.host-tenant_host-\d_[0-9A-F]+\.id\}$/);
    for (const { body } of all('aws_ec2_host')) {
      // The family by host price (PoolPlanner.planDedicatedHosts), not by instance price.
      expect(body).toMatchObject({ auto_placement: 'off', host_recovery: 'on', instance_type: PoolPlanner.planDedicatedHosts({ replicas: 3, cpu: 0.5, memoryMiB: 512, zones: 2, region: 'eu-central-1' }).instanceType });
    }
    // Dedicated tiers never run on burstable types.
    for (const { body } of [...byTenant('globex'), ...hosted]) expect(body.instance_type).not.toMatch(/^t/);
  });

  test('launch templates of shared capacity: IMDSv2 hop limit 1, tasks blocked from metadata, encrypted volumes', () => {
    for (const { body } of all('aws_launch_template')) {
      expect(body.metadata_options).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
      expect(body.block_device_mappings[0].ebs).toMatchObject({ encrypted: 'true' });
      expect(body.block_device_mappings[0].ebs.kms_key_id).toMatch(/^\$\{aws_kms_key\./);
      expect(body.key_name).toBeUndefined();
      const userData = Buffer.from(body.user_data, 'base64').toString('utf8');
      expect(userData).toContain('ECS_AWSVPC_BLOCK_IMDS=true');
      expect(userData).toContain('ECS_DISABLE_PRIVILEGED=true');
    }
  });

  test('containers: read-only root, not privileged, capabilities dropped, awslogs, secrets only by ARN', () => {
    for (const c of containers(resources)) {
      expect(c.readonlyRootFilesystem).toBe(true);
      expect(c.privileged).toBe(false);
      expect(c.linuxParameters.capabilities.drop).toEqual(['ALL']);
      expect(c.logConfiguration.logDriver).toBe('awslogs');
      expect(c.logConfiguration.options['awslogs-group']).toMatch(/^\/isolation\/test\/(tenant|service)\//);
      for (const s of c.secrets) expect(s.valueFrom).toMatch(/^arn:aws:(ssm|secretsmanager):/);
      expect(c.environment.map((e: { name: string }) => e.name)).not.toContain('API_KEY');
    }
    expect(containers(resources).some((c) => c.secrets.length > 0)).toBe(true);
  });

  test('KMS keys rotate; log groups have retention and a CMK', () => {
    for (const { body } of all('aws_kms_key')) {
      expect(body.enable_key_rotation).toBe(true);
      const policy = JSON.parse(body.policy);
      const sids = policy.Statement.map((s: { Sid: string }) => s.Sid);
      expect(sids).toContain('AccountAdministersAndUsesKeyThroughIam');
      expect(sids).toContain('CloudWatchLogsForThisLogGroup');
    }
    for (const { body } of all('aws_cloudwatch_log_group')) {
      expect(body.retention_in_days).toBe(90);
      expect(body.kms_key_id).toMatch(/^\$\{aws_kms_key\.[^.]+\.arn\}$/);
    }
  });

  test('KMS key policies name no principal that may not exist yet: the Auto Scaling role is matched by condition', () => {
    const slr = 'arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';
    const autoScaling: string[] = [];
    for (const { body } of all('aws_kms_key')) {
      for (const s of JSON.parse(body.policy).Statement) {
        const aws = s.Principal?.AWS;
        if (aws === undefined) continue;
        // Only the account root (always exists) or `*` pinned to this account and one principal ARN.
        if (aws === '*') {
          expect(s.Condition.StringEquals).toEqual({ 'kms:CallerAccount': '123456789012', 'aws:PrincipalArn': slr });
          autoScaling.push(s.Sid);
        } else {
          expect(aws).toBe('arn:aws:iam::123456789012:root');
        }
      }
    }
    expect(autoScaling.length).toBeGreaterThanOrEqual(2);
  });

  test('no IAM or KMS policy grants a wildcard action', () => {
    const docs = policyDocuments(resources);
    expect(docs.length).toBeGreaterThanOrEqual(ofType(resources, 'aws_iam_role').length * 2);
    for (const { where, doc } of docs) {
      for (const statement of doc.Statement) {
        // A Deny grants nothing: the access-log bucket denies `s3:*` without TLS.
        if (statement.Effect === 'Deny') continue;
        const actions: string[] = [].concat(statement.Action ?? []);
        expect(statement.NotAction).toBeUndefined();
        expect(actions.length).toBeGreaterThan(0);
        for (const action of actions) expect(`${where}: ${action}`).not.toMatch(/\*/);
      }
    }
  });

  test('secrets are readable only by the roles of the workloads that declare them', () => {
    const granted = ofType(resources, 'aws_iam_role_policy').filter((r) => r.body.policy.includes('secret:initech-db'));
    expect(granted.map((r) => r.path)).toEqual(['host-tenant/instance-role-policy']);
    const ssm = ofType(resources, 'aws_iam_role_policy').filter((r) => r.body.policy.includes('parameter/umbrella/api-key'));
    expect(ssm.map((r) => r.path)).toEqual(['fargate-tenant/execution-role-policy']);
  });

  test('no SSH and no ingress from 0.0.0.0/0 except the declared internet-facing load balancer', () => {
    for (const { body } of all('aws_vpc_security_group_ingress_rule')) {
      expect(body.from_port).not.toBe(22);
      expect(body.to_port).not.toBe(22);
    }
    const open = all('aws_vpc_security_group_ingress_rule').filter((r) => r.body.cidr_ipv4 === '0.0.0.0/0');
    expect(open.map((r) => r.path).sort()).toEqual(['web/lb-ingress-443-1', 'web/lb-ingress-80-1']);
    expect(text).not.toMatch(/"key_name"/);
    // Rules live only in aws_vpc_security_group_*_rule resources: no inline rules to overlook.
    for (const { body } of all('aws_security_group')) expect([body.ingress, body.egress]).toEqual([undefined, undefined]);
    for (const { body } of all('aws_default_security_group')) expect([body.ingress, body.egress]).toEqual([undefined, undefined]);
    // Declared tenant ingress is exactly what was declared.
    const acme = all('aws_vpc_security_group_ingress_rule').filter((r) => r.path.startsWith('vm-tenant/ingress-'));
    expect(acme.map((r) => [r.body.cidr_ipv4, r.body.from_port])).toEqual([['203.0.113.0/24', 8080]]);
  });

  test('every workload resource is tagged with its tenant or service and its tier', () => {
    const taggable = resources.filter((r) => r.body.tags !== undefined);
    expect(taggable.length).toBeGreaterThan(50);
    // aws/ holds the dense services' shared VPC, key and cluster, tagged isolation:service=shared;
    // the tenant network is no one tenant's, tagged isolation:network with the target.
    for (const r of taggable.filter((t) => t.body.tags['isolation:network'] === undefined)) {
      const tags = r.body.tags;
      expect([r.address, tags['isolation:tenant'] ?? tags['isolation:service'] ?? tags['isolation:pool']]).not.toContain(undefined);
      expect([r.address, tags['isolation:tier']]).not.toContain(undefined);
    }
  });

  test('auto scaling groups carry the isolation tags as tag blocks propagated at launch (default_tags do not reach them)', () => {
    const groups = all('aws_autoscaling_group');
    expect(groups.length).toBe(3);
    for (const { address, body } of groups) {
      const tags = Object.fromEntries(body.tag.map((t: { key: string; value: string }) => [t.key, t.value]));
      expect([address, tags['isolation:tenant'] ?? tags['isolation:pool']]).not.toContain(undefined);
      expect([address, tags['isolation:tier']]).toEqual([address, 'shared-container']);
      expect(tags.Name).toBeDefined();
      for (const t of body.tag) expect([address, t.key, t.propagate_at_launch]).toEqual([address, t.key, true]);
    }
  });

  test('S3 gateway endpoints of tenants without egress reach only this account\'s buckets and the runtime\'s AWS buckets', () => {
    // One restricted endpoint on the shared network's isolated route table; the egress route tables' endpoint is unrestricted.
    const gateways = all('aws_vpc_endpoint').filter((r) => r.body.vpc_endpoint_type === 'Gateway' && r.body.policy !== undefined);
    expect(gateways.map((r) => r.path)).toEqual(['aws/tenant-network/endpoint-s3']);
    for (const { body } of gateways) {
      const statements = JSON.parse(body.policy).Statement;
      expect(statements.map((st: { Sid: string }) => st.Sid)).toEqual(['BucketsOfThisAccount', 'AmazonLinuxRepositories', 'EcrImageLayers']);
      const [own, repos, layers] = statements;
      expect(own).toMatchObject({ Effect: 'Allow', Principal: { AWS: '*' }, Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': '123456789012' } } });
      expect(own.Action).toContain('s3:PutObject');
      expect(repos).toMatchObject({ Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::al2023-repos-eu-central-1-*/*'] });
      expect(layers).toMatchObject({ Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::prod-eu-central-1-starport-layer-bucket/*'] });
      // Nothing else: no other statement could admit a bucket of another account.
      for (const st of statements) expect(st.Effect).toBe('Allow');
      expect(repos.Action.concat(layers.Action)).not.toContain('s3:PutObject');
    }
  });

  test('with a looked-up account id, the S3 endpoint condition references it', () => {
    const { stack: looked, target: lookedTarget } = awsStack({ ...OFFLINE, accountId: undefined });
    new IsolatedTenant(looked, 'tenant', { tenantId: 'acme', target: lookedTarget, workload: WEB });
    const gateway = ofType(synthesize(looked).resources, 'aws_vpc_endpoint').find((r) => r.body.vpc_endpoint_type === 'Gateway')!;
    expect(JSON.parse(gateway.body.policy).Statement[0].Condition.StringEquals['aws:ResourceAccount'])
      .toMatch(/^\$\{data\.aws_caller_identity\.[^.]+\.account_id\}$/);
  });

  test('the ALB serves HTTPS with the certificate and redirects HTTP; the internal ALB admits only the VPC', () => {
    const listeners = all('aws_lb_listener');
    const https = listeners.find((l) => l.body.protocol === 'HTTPS')!;
    expect(https.body.certificate_arn).toMatch(/^arn:aws:acm:/);
    expect(https.body.ssl_policy).toMatch(/TLS13/);
    const redirect = listeners.find((l) => l.body.default_action[0].type === 'redirect')!;
    expect(redirect.body.default_action[0].redirect).toMatchObject({ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' });
    const internal = all('aws_lb').find((l) => l.path.startsWith('internal-api/'))!;
    expect(internal.body.internal).toBe(true);
    const internalRules = all('aws_vpc_security_group_ingress_rule').filter((r) => r.path.startsWith('internal-api/lb-'));
    expect(internalRules.map((r) => r.body.cidr_ipv4)).toEqual(['10.0.0.0/16']);
    for (const { body } of all('aws_lb')) expect(body.drop_invalid_header_fields).toBe(true);
  });
});
