// The provider packages are optional peers: a target loads its realization modules (and with them
// its provider) only when it is constructed, after checking the package is installed, so
// `require('cdktf-isolation')` loads neither provider and a Docker-only app needs no AWS provider.
import { PlacementError } from '../placement-error';

/** A provider package a target needs. */
export interface ProviderPackage {
  readonly name: string;
  /** The version range to install (the package's peer dependency). */
  readonly range: string;
  /** A submodule to resolve: the package root is never loaded (it pulls in every resource). */
  readonly probe: string;
}

export const AWS_PROVIDER_PACKAGE: ProviderPackage = { name: '@cdktf/provider-aws', range: '^20', probe: '@cdktf/provider-aws/lib/provider' };
export const DOCKER_PROVIDER_PACKAGE: ProviderPackage = { name: '@cdktf/provider-docker', range: '^12', probe: '@cdktf/provider-docker/lib/provider' };

/** How a package is found; an object so tests can replace `resolve`. */
export const packageResolver = { resolve: (id: string): string => require.resolve(id) };

/**
 * Loads a target's realization module after checking that `pkg` resolves; otherwise a PlacementError
 * naming the target and the package to install.
 */
export function loadRealization<T>(where: string, targetKind: string, pkg: ProviderPackage, load: () => T): T {
  try {
    packageResolver.resolve(pkg.probe);
  } catch {
    throw new PlacementError(where, `${targetKind} needs the provider package ${pkg.name}, which is not installed.`,
      `npm install ${pkg.name}@${pkg.range}`);
  }
  return load();
}
