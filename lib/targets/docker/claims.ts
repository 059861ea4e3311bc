import { PublishedPort } from './published-ports';
import { PlacementError } from '../../placement-error';

/**
 * What is engine-wide on one Docker engine, across every stack of the app: the DockerTarget of each
 * stack, container / network / Swarm service names, and host ports, each with who claimed it first.
 * Names carry the stack, so stacks never collide on names unless two stack ids spell alike.
 */
export class EngineClaims {
  private readonly targets = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly ports = new Map<number, string>();

  /** @param engine the engine's normalised address, for messages */
  constructor(private readonly engine: string) {}

  /**
   * One DockerTarget per engine and stack: two in one stack would declare the same group networks and
   * images twice in one state. Targets in other stacks (dev and staging on one laptop) are welcome.
   */
  public claimTarget(stack: string, where: string): void {
    const first = this.targets.get(stack);
    if (first !== undefined) {
      throw new PlacementError(where, `${first} already targets the Docker engine at ${this.engine} in this stack; two targets `
        + 'on one engine in one stack would declare the same networks and images twice.',
      'use that one DockerTarget for every workload of this stack on this engine, or point this target at another engine (host); '
        + 'targets in other stacks may share the engine.');
    }
    this.targets.set(stack, where);
  }

  public claimName(where: string, name: string, what: string): void {
    const first = this.names.get(name);
    if (first !== undefined) {
      throw new PlacementError(where, `${what} name '${name}' is already used on the Docker engine at ${this.engine} by ${first}.`,
        'give the tenant or service a name no other workload of the stack uses (tenant ids and service names share one '
          + 'namespace on Docker), or give the stacks ids that differ in letters and digits.');
    }
    this.names.set(name, where);
  }

  public claimPorts(where: string, ports: PublishedPort[], replicas: number): void {
    for (const p of ports) {
      for (let i = 0; i < replicas; i++) {
        const first = this.ports.get(p.port + i);
        if (first !== undefined) {
          throw new PlacementError(where, `host port ${p.port + i} is already published on the Docker engine at ${this.engine} by ${first}.`,
            'give the workloads different ports (replica i of a workload publishes port+i); a host port is engine-wide, '
              + 'so this holds across the stacks sharing the engine too.');
        }
        this.ports.set(p.port + i, where);
      }
    }
  }
}
