export * from './enums';
export * from './needs';
export * from './workload';
export * from './validation';
