// One Docker engine on a laptop or a build host: two dense services on runc, an UNTRUSTED job runner
// sandboxed by gVisor, and a tenant in its own Kata microVM on its own internal network.
// Synthesize with `npx cdktf synth` in this directory; the engine must register `runsc` and `kata`
// in /etc/docker/daemon.json ("runtimes") for the sandboxed containers to start.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CoTenancy, DenseService, DockerTarget, IsolatedTenant } from '../../lib';

/** The example's stack. */
export class DockerLocalStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const target = new DockerTarget(this, 'docker', { runtimes: { gvisor: 'runsc', kata: 'kata' } });

    // TRUSTED (the DenseService default) and COST: plain runc containers on the shared network.
    new DenseService(this, 'web', {
      target,
      serviceName: 'web',
      workload: {
        image: 'nginxinc/nginx-unprivileged:1.27-alpine', // writes only to /tmp: fits the read-only root
        cpu: 0.5,
        memoryMiB: 128,
        port: 8080,
        replicas: 2,
        healthCheck: { command: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8080/'], intervalSeconds: 15 },
      },
      ingress: [{ cidr: '0.0.0.0/0', description: 'public web' }], // 0.0.0.0:8080 and :8081
    });
    new DenseService(this, 'whoami', {
      target,
      serviceName: 'whoami',
      workload: { image: 'traefik/whoami:v1.10.3', cpu: 0.25, memoryMiB: 64, port: 8090, command: ['--port', '8090'] },
      ingress: [{ cidr: '10.0.0.0/8' }], // Docker cannot filter sources: published on 127.0.0.1 only
    });

    // Code nobody here reviewed: UNTRUSTED needs a sandbox, so the runner gets gVisor.
    new DenseService(this, 'ci-job', {
      target,
      serviceName: 'ci-job',
      isolation: { coTenancy: CoTenancy.UNTRUSTED },
      workload: {
        image: 'busybox:1.36',
        cpu: 1,
        memoryMiB: 512,
        command: ['sh', '-c', 'while true; do echo waiting for a job; sleep 60; done'],
        environment: { RUNNER_LABELS: 'untrusted,gvisor' },
      },
    });

    // A customer's workload (HOSTILE by default): its own Kata microVM and an internal network.
    new IsolatedTenant(this, 'acme', {
      target,
      tenantId: 'acme',
      workload: { image: 'nginxinc/nginx-unprivileged:1.27-alpine', cpu: 1, memoryMiB: 256 },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new DockerLocalStack(app, 'docker-local');
  app.synth();
}
