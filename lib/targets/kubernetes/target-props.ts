import { shown } from '../../needs/show';
import { PlacementError } from '../../placement-error';
import { checkCidr } from '../ingress';
import { KubernetesDelivery } from './delivery';
import type { KubernetesTargetProps } from './kubernetes-target';

const PREFIX = /^([a-z0-9][-a-z0-9]{0,39})?$/;
const PSS_VERSION = /^(v1\.\d{1,2}|latest)$/;
// Linux user ids: 1 up to 2^31 - 1 (Kubernetes refuses negative ids; 0 is root, which Pod Security `restricted` refuses).
const MAX_UID = 2147483647;

/** The props as the target uses them, defaults left to the target. */
export interface CheckedTargetProps {
  readonly delivery: KubernetesDelivery;
  readonly namespacePrefix?: string;
  readonly clusterCidrs: string[];
  readonly podSecurityVersion?: string;
  readonly runAsUser?: number;
}

/** Refuses KubernetesTarget props a cluster would refuse, or that could never take effect. */
export function checkTargetProps(where: string, props: KubernetesTargetProps): CheckedTargetProps {
  if (typeof props !== 'object') {
    throw new PlacementError(where, `KubernetesTarget props must be an object, got ${shown(props)}.`, 'pass { runtimeClasses: { ... } }, or nothing.');
  }
  const delivery = props.delivery ?? KubernetesDelivery.TERRAFORM;
  if (!Object.values(KubernetesDelivery).includes(delivery)) {
    throw new PlacementError(where, `delivery ${shown(props.delivery)} is not a delivery.`, "use KubernetesDelivery.TERRAFORM ('terraform') or KubernetesDelivery.GITOPS ('gitops').");
  }
  if (props.provider !== undefined && props.provider !== null) {
    if (delivery === KubernetesDelivery.GITOPS) {
      throw new PlacementError(where, 'provider is given with GITOPS delivery, which writes files and no Terraform resource, so it could never take effect.',
        'remove provider, or use KubernetesDelivery.TERRAFORM.');
    }
    const type = (props.provider as { terraformResourceType?: unknown }).terraformResourceType;
    if (type !== 'kubernetes') {
      throw new PlacementError(where, `provider is ${type === undefined ? 'not a Terraform provider' : `a '${String(type)}' provider`}, and kubernetes_manifest needs the kubernetes provider (hashicorp/kubernetes).`,
        'pass a provider whose Terraform type is kubernetes, or leave provider out for one that reads KUBE_CONFIG_PATH.');
    }
  }
  const prefix = props.namespacePrefix ?? undefined;
  if (prefix !== undefined && (typeof prefix !== 'string' || !PREFIX.test(prefix))) {
    throw new PlacementError(where, `namespacePrefix ${shown(prefix)} cannot start a namespace name.`,
      "use up to 40 lower-case letters, digits and '-', starting with a letter or digit (e.g. 'prod-'), or '' for none.");
  }
  const cidrs = props.clusterCidrs ?? [];
  if (!Array.isArray(cidrs)) {
    throw new PlacementError(where, `clusterCidrs must be a list of CIDR blocks, got ${shown(cidrs)}.`, "write it as ['10.244.0.0/16', '10.96.0.0/12'].");
  }
  cidrs.forEach((cidr, i) => checkCidr(where, cidr, `clusterCidrs[${i}]`));
  if (cidrs.includes('0.0.0.0/0')) {
    throw new PlacementError(where, 'clusterCidrs holds 0.0.0.0/0, which would except every address from every policy.', "give the cluster's pod and Service CIDRs only.");
  }
  const version = props.podSecurityVersion ?? undefined;
  if (version !== undefined && (typeof version !== 'string' || !PSS_VERSION.test(version))) {
    throw new PlacementError(where, `podSecurityVersion ${shown(version)} is not a Pod Security Standards version.`, "write 'v1.<minor>' (e.g. 'v1.33') or 'latest'.");
  }
  const uid = props.runAsUser ?? undefined;
  if (uid !== undefined && !(Number.isInteger(uid) && uid >= 1 && uid <= MAX_UID)) {
    throw new PlacementError(where, `runAsUser ${shown(uid)} is not a non-root user id${uid === 0 ? ' (0 is root, which Pod Security \'restricted\' refuses)' : ''}.`,
      `use a whole number from 1 to ${MAX_UID}, e.g. the image's own user (101 for nginx-unprivileged), or leave it out for 65532.`);
  }
  return { delivery, namespacePrefix: prefix, clusterCidrs: [...cidrs], podSecurityVersion: version, runAsUser: uid };
}
