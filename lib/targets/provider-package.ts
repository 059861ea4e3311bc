// The provider packages are optional peers: a target loads its realization modules (and with them
// its provider) only when it is constructed, after checking the package is installed, so
// `require('cdktf-isolation')` loads neither provider and a Docker-only app needs no AWS provider.
import { PlacementError } from '../placement-error';

/** A provider package a target needs. */
export interface ProviderPackage {
  readonly name: string;
  /** The version range to install: the package's peer dependency range. */
  readonly range: string;
}

export const AWS_PROVIDER_PACKAGE: ProviderPackage = { name: '@cdktf/provider-aws', range: '^20.1.0' };
export const DOCKER_PROVIDER_PACKAGE: ProviderPackage = { name: '@cdktf/provider-docker', range: '^12.0.3' };

/**
 * Loads a target's realization module; when that fails because `pkg` itself is not installed, a
 * PlacementError naming the target and the package to install (any other failure is rethrown).
 */
export function loadRealization<T>(where: string, targetKind: string, pkg: ProviderPackage, load: () => T): T {
  try {
    return load();
  } catch (e) {
    const missing = (e as { code?: string }).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(`'${pkg.name}/`);
    if (!missing) throw e;
    throw new PlacementError(where, `${targetKind} needs the provider package ${pkg.name}, which is not installed.`,
      `npm install ${pkg.name}@${pkg.range}`);
  }
}
