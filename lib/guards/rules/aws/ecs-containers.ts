import { GuardRule, list, parseJson, sentence } from '../../rule';

/** Task containers unprivileged, with a read-only root (the library gives them a /tmp volume to write to). */
export const ECS_CONTAINERS_HARDENED: GuardRule = {
  id: 'ISO-AWS-009',
  title: 'ECS task containers are not privileged and have a read-only root filesystem',
  resourceTypes: ['aws_ecs_task_definition'],
  fix: 'set "privileged": false and "readonlyRootFilesystem": true in every container definition; give writable paths a volume.',
  check: (config) => {
    const problems = list(parseJson(config.container_definitions)).flatMap((c: any) => {
      const name = `container '${c?.name ?? '?'}'`;
      const found: string[] = [];
      if (c?.privileged === true) found.push(`${name} is privileged`);
      if (c?.readonlyRootFilesystem !== true) found.push(`${name} has a writable root filesystem`);
      return found;
    });
    return sentence(problems);
  },
};
