export * from './instance-catalog';
export * from './fargate-sizes';
export * from './capacity-planner';
export * from './cost-inputs';
export * from './cost-estimator';
export * from './pool-planner';
export * from './quotas';
export * from './quotas-counter';
