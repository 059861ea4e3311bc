export * from './docker-target';
export { DockerRuntimes } from './tiers';
