export * from './instance-catalog';
export * from './fargate-sizes';
export * from './quotas';
export * from './quotas-counter';
