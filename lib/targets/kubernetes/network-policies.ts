// NetworkPolicies of a namespace. Every namespace the target writes denies all ingress and egress by
// default; then, each in a policy of its own: DNS to kube-dns, egress anywhere only where declared,
// each workload's declared ingress (ipBlock per IngressRule), and, for a trusted group of
// DenseServices, traffic within the namespace. No policy selects another namespace, so none admits
// another tenant's pods by selector. What an ipBlock admits is the CNI's to decide: on Calico and most
// iptables-based CNIs an ipBlock also matches pod IPs, on Cilium only addresses outside the cluster;
// so the cluster's pod and service CIDRs, when given (`clusterCidrs`), are excepted from every ipBlock,
// and an ingress CIDR inside one of them is refused. A namespace-selector rule cannot express "every
// namespace but the other tenants'", which is why the exception is by CIDR.
import { KUBE_LABEL } from '../../labels';
import { PlacementError } from '../../placement-error';
import { Block, overlaps, parseCidr } from '../aws/network/cidr-pool';
import { ResolvedIngress } from '../ingress';
import { NetworkPolicy, NetworkPolicyPeer, StringMap } from './objects';

/** Where cluster DNS runs on a conformant cluster: CoreDNS (or kube-dns) pods labelled k8s-app=kube-dns in kube-system. */
export const CLUSTER_DNS = { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' }, port: 53 };
export const ANYWHERE = '0.0.0.0/0';

/** What a namespace's baseline policies depend on. */
export interface NamespacePolicyOptions {
  readonly namespace: string;
  readonly labels: StringMap;
  /** Egress to anywhere (but the cluster CIDRs). */
  readonly egress: boolean;
  /** Pods of the namespace may reach each other (a TRUSTED or INTERNAL group of DenseServices). */
  readonly sameNamespace: boolean;
  readonly clusterCidrs: readonly string[];
}

function policy(name: string, namespace: string, labels: StringMap, spec: NetworkPolicy['spec']): NetworkPolicy {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace, labels }, spec };
}

/** The namespace's baseline, by policy name: default deny, DNS, and egress / same-namespace where allowed. */
export function namespacePolicies(o: NamespacePolicyOptions): NetworkPolicy[] {
  const all = {};
  const out = [
    policy('default-deny', o.namespace, o.labels, { podSelector: all, policyTypes: ['Ingress', 'Egress'] }),
    policy('allow-dns', o.namespace, o.labels, {
      podSelector: all,
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { [KUBE_LABEL.namespaceName]: CLUSTER_DNS.namespace } }, podSelector: { matchLabels: CLUSTER_DNS.podLabels } }],
        ports: [{ protocol: 'UDP', port: CLUSTER_DNS.port }, { protocol: 'TCP', port: CLUSTER_DNS.port }],
      }],
    }),
  ];
  if (o.egress) {
    out.push(policy('allow-egress', o.namespace, o.labels, {
      podSelector: all, policyTypes: ['Egress'], egress: [{ to: [ipPeer('egress', ANYWHERE, o.clusterCidrs)] }],
    }));
  }
  if (o.sameNamespace) {
    // An empty podSelector peer without namespaceSelector selects the pods of this namespace only.
    out.push(policy('allow-same-namespace', o.namespace, o.labels, {
      podSelector: all, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: all }] }], egress: [{ to: [{ podSelector: all }] }],
    }));
  }
  return out;
}

/**
 * One workload's declared ingress: each rule's CIDR (minus the cluster CIDRs inside it) to its port.
 * Refuses a CIDR that lies inside a cluster CIDR: it could only ever admit pods, other tenants' included.
 */
export function ingressPolicy(where: string, name: string, namespace: string, labels: StringMap, podLabels: StringMap,
  ingress: readonly ResolvedIngress[], clusterCidrs: readonly string[]): NetworkPolicy {
  return policy(name, namespace, labels, {
    podSelector: { matchLabels: podLabels },
    policyTypes: ['Ingress'],
    ingress: ingress.map((rule, i) => ({ from: [ipPeer(`ingress[${i}]`, rule.cidr, clusterCidrs, where)], ports: [{ protocol: 'TCP', port: rule.port }] })),
  });
}

/** An ipBlock peer for `cidr` with every cluster CIDR inside it excepted (Kubernetes refuses an except outside the cidr). */
function ipPeer(field: string, cidr: string, clusterCidrs: readonly string[], where = 'NetworkPolicy'): NetworkPolicyPeer {
  const block = parseCidr(where, cidr);
  const except: string[] = [];
  for (const c of clusterCidrs) {
    const inner = parseCidr(where, c);
    if (!overlaps(block, inner)) continue;
    if (contains(inner, block)) {
      throw new PlacementError(where, `${field} admits ${cidr}, which lies inside the cluster CIDR ${c}: it would admit only pods or Services, `
        + 'other tenants\' included, and never a client outside the cluster.',
      `declare the address range of the clients outside the cluster, or leave ${c} out of clusterCidrs if it is not the cluster's.`);
    }
    except.push(c);
  }
  return { ipBlock: except.length ? { cidr, except } : { cidr } };
}

/** Whether `outer` holds all of `inner` (CIDR blocks nest or are disjoint). */
function contains(outer: Block, inner: Block): boolean {
  return outer.prefix <= inner.prefix && overlaps(outer, inner);
}
