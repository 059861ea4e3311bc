export * from './placement-error';
export * from './needs';
export * from './placement/boundary';
export * from './placement/engine';
export * from './targets/target';
export * from './constructs';
export * from './targets/aws';
