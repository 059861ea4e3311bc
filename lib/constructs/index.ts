export * from './isolated-tenant';
export * from './dense-service';
export { PlacedWorkloadProps, PlacementRecord } from './placed-workload';
