export * from './kubernetes-target';
export { KubernetesDelivery } from './delivery';
export { KubernetesRuntimeClasses, KubernetesToleration, RuntimeClassOptions, RuntimeClassOverhead } from './tiers';
