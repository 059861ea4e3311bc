// Everything DockerTarget builds with, loaded by its constructor (lib/targets/provider-package.ts), so
// that importing the library loads no @cdktf/provider-docker module.
export { DockerProvider } from '@cdktf/provider-docker/lib/provider';
export { EngineMode } from './engine-mode';
export { createNetwork } from './networks';
export { SwarmMode } from './swarm-mode';
