export * from './isolated-tenant';
export * from './dense-service';
export { PlacedWorkloadProps, PlacementOptions } from './placed-workload';
