import { GuardedResource } from '../../rule';
import { manifestOf } from './manifest';

/** The Kubernetes objects among the resources, each with the resource it came from. */
export function kubernetesObjects(resources: readonly GuardedResource[]): Array<{ resource: GuardedResource; object: Record<string, any> }> {
  return resources.flatMap((resource) => {
    const object = resource.type === 'kubernetes_manifest' ? manifestOf(resource.config) : undefined;
    return object ? [{ resource, object }] : [];
  });
}
