import { PlacementError } from '../../placement-error';

// Resource quantities in the canonical form the API server writes back (Kubernetes "Quantity":
// the shortest exact form, e.g. 1000m is "1" and 1024Mi is "1Gi"), so what Terraform or Argo CD
// compares with the live object is what we wrote: no perpetual diff.

/** Millicores of `cpu` vCPUs; refuses a value that is not a whole number of millicores (the API would round it). */
export function millicores(where: string, field: string, cpu: number): number {
  const milli = Math.round(cpu * 1000);
  if (Math.abs(cpu * 1000 - milli) > 1e-6) {
    throw new PlacementError(where, `${field} ${cpu} is not a whole number of millicores: Kubernetes would round it to ${milli}m, so `
      + 'the pod would get another size than the other targets give it.', `write it with at most three decimals, e.g. ${milli / 1000}.`);
  }
  return milli;
}

/** A cpu quantity from millicores: whole cores as a plain number, else `<n>m`. */
export function cpuQuantity(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** A memory quantity from MiB: the largest binary unit that keeps it whole (Mi, Gi, Ti). */
export function memoryQuantity(mib: number): string {
  if (mib % (1024 * 1024) === 0) return `${mib / (1024 * 1024)}Ti`;
  if (mib % 1024 === 0) return `${mib / 1024}Gi`;
  return `${mib}Mi`;
}

/** What one pod requests (and is limited to: requests = limits, Guaranteed QoS). */
export interface PodSize {
  readonly milli: number;
  readonly mib: number;
}
