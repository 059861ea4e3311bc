import { Construct } from 'constructs';
import { PlacedWorkload, PlacedWorkloadProps, SERVICE_DEFAULTS } from './placed-workload';
import { AutoscalingOptions, IngressRule, LoadBalancerOptions } from '../targets/target';

/**
 * Props of {@link DenseService}.
 */
export interface DenseServiceProps extends PlacedWorkloadProps {
  /** The service's stable name: DNS-safe, unique in the stack. */
  readonly serviceName: string;
  /**
   * Service auto scaling on CPU.
   * @default - a fixed number of replicas
   */
  readonly autoscaling?: AutoscalingOptions;
  /**
   * A load balancer in front of the service (AWS).
   * @default - none
   */
  readonly loadBalancer?: LoadBalancerOptions;
  /**
   * Sources admitted to the workload's port, besides a load balancer.
   * @default - no ingress
   */
  readonly ingress?: IngressRule[];
}

/**
 * A workload packed as densely and cheaply as its isolation needs allow. By default TRUSTED
 * co-tenancy and COST priority: plain containers on shared hosts. Services of different co-tenancy
 * never share capacity.
 */
export class DenseService extends PlacedWorkload {
  /** The service name. */
  public readonly serviceName: string;

  constructor(scope: Construct, id: string, props: DenseServiceProps) {
    super(scope, id, 'DenseService', props?.serviceName, props, SERVICE_DEFAULTS, { loadBalancer: props?.loadBalancer, autoscaling: props?.autoscaling });
    // Realized here, not in a helper: this frame is in every stack trace cdktf captures per token.
    this._complete(props.target.realizeService(this, {
      ...this._request, serviceName: props.serviceName, autoscaling: props.autoscaling, loadBalancer: props.loadBalancer, ingress: props.ingress,
    }));
    this.serviceName = props.serviceName;
  }
}
