import { PublishedPort } from './published-ports';
import { PlacementError } from '../../placement-error';

/** Container / Swarm service names and host ports are engine-wide: who claimed each first, per DockerTarget. */
export class EngineClaims {
  private readonly names = new Map<string, string>();
  private readonly ports = new Map<number, string>();

  public claimName(where: string, name: string, what: string): void {
    const first = this.names.get(name);
    if (first !== undefined) {
      throw new PlacementError(where, `${what} name '${name}' is already used on this Docker target by ${first}.`,
        'give the tenant or service a name no other workload on the same target uses (tenant ids and service names share one namespace on Docker).');
    }
    this.names.set(name, where);
  }

  public claimPorts(where: string, ports: PublishedPort[], replicas: number): void {
    for (const p of ports) {
      for (let i = 0; i < replicas; i++) {
        const first = this.ports.get(p.port + i);
        if (first !== undefined) {
          throw new PlacementError(where, `host port ${p.port + i} is already published on this Docker target by ${first}.`,
            'give the workloads different ports (replica i of a workload publishes port+i).');
        }
        this.ports.set(p.port + i, where);
      }
    }
  }
}
