export * from './docker-target';
