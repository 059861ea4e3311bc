import { GuardRule, list, parseJson, sentence } from '../../rule';

/**
 * Actions that IAM lets a policy scope to a resource or a condition key, seen granted on `*` without a
 * condition in instance roles. Source: Service Authorization Reference (Amazon ECS, AWS Systems
 * Manager, Amazon S3, AWS Secrets Manager, CloudWatch Logs), checked 2026-12. Actions with no resource
 * type and no condition key (ecs:DiscoverPollEndpoint, ecr:GetAuthorizationToken, ssmmessages:*) are not listed.
 */
const SCOPABLE = new Set([
  'ecs:TagResource', 'ecs:Poll', 'ecs:StartTelemetrySession', 'ecs:UpdateContainerInstancesState', 'ecs:RegisterContainerInstance',
  'ecs:DeregisterContainerInstance', 'ecs:SubmitAttachmentStateChanges', 'ecs:SubmitContainerStateChange', 'ecs:SubmitTaskStateChange',
  'ssm:UpdateInstanceInformation', 'ssm:GetParameter', 'ssm:GetParameters', 'secretsmanager:GetSecretValue',
  'logs:CreateLogStream', 'logs:PutLogEvents', 's3:GetObject', 's3:PutObject', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer',
]);

/**
 * Identity policies grant no scopable action on `Resource: *` without a condition (checkov CKV_AWS_290
 * for write actions, CKV_AWS_355 for all): scope them to ARNs, or condition them (e.g. `ecs:cluster`).
 */
export const IAM_SCOPED_RESOURCES: GuardRule = {
  id: 'ISO-AWS-011',
  title: 'IAM policies grant no scopable action on `*` without a condition (checkov CKV_AWS_290, CKV_AWS_355)',
  resourceTypes: ['aws_iam_role_policy', 'aws_iam_policy'],
  fix: 'scope the statement to the ARNs it needs (e.g. arn:aws:ec2:<region>:<account>:instance/*), or add a condition (e.g. ArnEquals ecs:cluster, StringEquals ecs:CreateAction).',
  check: (config) => {
    const doc = parseJson(config.policy);
    const problems: string[] = [];
    list(doc?.Statement).forEach((s: any, i) => {
      if (s === null || typeof s !== 'object' || String(s.Effect ?? 'Allow').toLowerCase() !== 'allow' || s.Condition !== undefined) return;
      if (!list(s.Resource).includes('*')) return;
      const scopable = list(s.Action).filter((a): a is string => typeof a === 'string' && SCOPABLE.has(a));
      if (scopable.length) problems.push(`statement ${s.Sid ? `'${s.Sid}'` : i + 1} grants ${scopable.join(', ')} on "*" without a condition`);
    });
    return sentence(problems);
  },
};
