// The library's own Kubernetes object interfaces (lib/targets/kubernetes/objects.ts) held to
// kubernetes-models' TypeScript types at compile time (`npm run lint` type-checks the tests): every
// field the library declares must exist in the Kubernetes API with an assignable type, so a misspelled
// or invented field fails tsc with the path of the field. kubernetes-models stays a devDependency.
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IRuntimeClass } from 'kubernetes-models/node.k8s.io/v1/RuntimeClass';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type * as K from '../../lib/targets/kubernetes/objects';

/** `true` when every field of O exists in T with an assignable type, recursively; else the paths of the fields that do not. */
export type Conform<O, T, P extends string = ''> =
  [O] extends [readonly (infer OE)[]]
    ? ([NonNullable<T>] extends [readonly (infer TE)[]] ? Conform<OE, TE, `${P}[]`> : `${P}: a list, which Kubernetes does not have here`)
    : [O] extends [object]
      ? ([NonNullable<T>] extends [object]
        ? { [Key in keyof O]-?: Key extends keyof NonNullable<T>
          ? Conform<NonNullable<O[Key]>, NonNullable<NonNullable<T>[Key]>, `${P}.${Key & string}`>
          : `${P}.${Key & string}: no such field in Kubernetes` }[keyof O]
        : `${P}: an object, which Kubernetes does not have here`)
      : [O] extends [NonNullable<T>] ? true : `${P}: a type Kubernetes does not accept`;

/** Fails to compile unless `T` is exactly `true`, showing the offending paths otherwise. */
export type Assert<T extends true> = T;

/** Every object kind the target writes, against the Kubernetes API's type. */
export type Checked = [
  Assert<Conform<K.Namespace, INamespace>>,
  Assert<Conform<K.ServiceAccount, IServiceAccount>>,
  Assert<Conform<K.ResourceQuota, IResourceQuota>>,
  Assert<Conform<K.LimitRange, ILimitRange>>,
  Assert<Conform<K.NetworkPolicy, INetworkPolicy>>,
  Assert<Conform<K.RuntimeClass, IRuntimeClass>>,
  Assert<Conform<K.Deployment, IDeployment>>,
  Assert<Conform<K.Service, IService>>,
  Assert<Conform<K.PodDisruptionBudget, IPodDisruptionBudget>>,
  Assert<Conform<K.HorizontalPodAutoscaler, IHorizontalPodAutoscaler>>,
];
