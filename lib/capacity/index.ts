export * from './instance-catalog';
export * from './fargate-sizes';
