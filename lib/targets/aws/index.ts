export * from './aws-target';
