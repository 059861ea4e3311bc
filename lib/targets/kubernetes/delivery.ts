import { Construct } from 'constructs';
import { KubeObject } from './objects';

/**
 * How a KubernetesTarget delivers its objects to the cluster. Both deliveries write the same objects.
 */
export enum KubernetesDelivery {
  /**
   * Each object is a `kubernetes_manifest` resource of the stack, whose `manifest` is the object
   * (hashicorp/kubernetes provider). `kubernetes_manifest` reads the API server's schema at plan time,
   * so the cluster must exist and be reachable when the stack is planned.
   */
  TERRAFORM = 'terraform',
  /**
   * The objects are written as YAML beside the stack's cdk.tf.json (`kubernetes/<target id>/`, one file
   * per tenant and `shared.yaml`, with a `kustomization.yaml`) for Argo CD or Flux to apply; nothing of
   * them is in the Terraform state.
   */
  GITOPS = 'gitops',
}

/** One written object, as the other objects of a delivery depend on it. */
export interface DeliveredObject {
  /** The object's construct (a `kubernetes_manifest` resource, or the GitOps object). */
  readonly construct: Construct;
}

/** What a realization asks of a delivery: write this object, produced at synth (quotas add up every workload first). */
export interface ObjectRequest {
  /** Construct scope and id of the object (below the tenant, service or target). */
  readonly scope: Construct;
  readonly id: string;
  /** The GitOps file it belongs to: `tenant-<id>.yaml` or `shared.yaml`. */
  readonly file: string;
  readonly produce: () => KubeObject;
  /** Objects that must exist first (its namespace; a pod's RuntimeClass and ServiceAccount). */
  readonly dependsOn?: DeliveredObject[];
}

/** Where objects go: `kubernetes_manifest` resources or GitOps files. */
export interface ObjectSink {
  write(request: ObjectRequest): DeliveredObject;
}
