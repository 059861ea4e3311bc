import { Testing } from 'cdktf';
import { KubernetesSaasStack } from './main';
import { GITOPS, gitopsFiles, gitopsObjects, manifests, objectsProblems } from '../../test/kubernetes/support';
import { IsolationGuards, KubernetesDelivery, PlacementTier } from '../../lib';

// One synth per delivery, shared by every assertion.
describe('examples/kubernetes', () => {
  const stack = new KubernetesSaasStack(Testing.app(), 'kubernetes-saas');
  const text = Testing.synth(stack);
  const objects = Object.values(manifests(JSON.parse(text)));
  const gitopsApp = Testing.app();
  const gitopsStack = new KubernetesSaasStack(gitopsApp, 'kubernetes-saas', GITOPS);
  const files = gitopsFiles(gitopsApp, gitopsStack);
  const gitops = Object.values(gitopsObjects(files)).flat();
  const declared = ['gvisor', 'kata-qemu'];

  test('matches the snapshots (Terraform, GitOps files)', () => {
    expect(text).toMatchSnapshot();
    expect(files).toMatchSnapshot();
  });

  test('HOSTILE tenants on Kata, UNTRUSTED on gVisor, dense services on runc', () => {
    const tiers = Object.fromEntries(objects.filter((o) => o.kind === 'Deployment')
      .map((d) => [d.metadata.name, [d.metadata.labels['cdktf-isolation/tier'], d.spec.template.spec.runtimeClassName]]));
    expect(tiers).toEqual({
      acme: [PlacementTier.MICROVM_CONTAINER, 'kata-qemu'], globex: [PlacementTier.MICROVM_CONTAINER, 'kata-qemu'],
      plugins: [PlacementTier.SANDBOXED_CONTAINER, 'gvisor'], web: [PlacementTier.SHARED_CONTAINER, undefined], reports: [PlacementTier.SHARED_CONTAINER, undefined],
    });
  });

  test('every object of both deliveries validates against the Kubernetes schema, names and RuntimeClasses checked', () => {
    expect(objects.length).toBeGreaterThan(30);
    expect(objectsProblems(objects, declared)).toEqual([]);
    expect(objectsProblems(gitops, declared)).toEqual([]);
  });

  test('both deliveries write the same objects (GitOps unescaped for Terraform)', () => {
    const key = (o: any) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    expect(gitops.map(key).sort()).toEqual(objects.map(key).sort());
    expect(Object.keys(files)).toEqual(['kustomization.yaml', 'shared.yaml', 'tenant-acme.yaml', 'tenant-globex.yaml', 'tenant-plugins.yaml']);
  });

  test('the guards find nothing in either delivery', () => {
    expect(new IsolationGuards().check(stack)).toEqual([]);
    expect(new IsolationGuards().check(gitopsStack)).toEqual([]);
    expect(gitopsStack.target.delivery).toBe(KubernetesDelivery.GITOPS);
  });
});
