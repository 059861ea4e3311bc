import { blocks, Config, GuardRule, list, parseJson, sentence } from '../../rule';

// `*` and `service:*`; narrower patterns such as `ec2:Describe*` are left to review.
const WILDCARD = /^(\*|[A-Za-z0-9-]+:\*)$/;

/** Allowed actions that are wildcards, per statement label. */
function wildcardActions(statements: Array<{ label: string; effect: unknown; actions: unknown[]; notActions: unknown[] }>): string[] {
  const problems: string[] = [];
  for (const s of statements) {
    if (String(s.effect ?? 'Allow').toLowerCase() !== 'allow') continue;
    const wild = s.actions.filter((a) => typeof a === 'string' && WILDCARD.test(a.trim()));
    if (wild.length) problems.push(`${s.label} allows ${wild.map((a) => JSON.stringify(a)).join(', ')}`);
    if (s.notActions.length) problems.push(`${s.label} allows everything except ${s.notActions.length} action(s) (NotAction)`);
  }
  return problems;
}

/** Statements of a JSON policy document attribute (nothing when it is an expression). */
function jsonStatements(field: string, value: unknown) {
  const doc = parseJson(value);
  return list(doc?.Statement).filter((s): s is Config => s !== null && typeof s === 'object').map((s, i) => ({
    label: `${field} statement ${s.Sid ? `'${s.Sid}'` : i + 1}`, effect: s.Effect, actions: list(s.Action), notActions: list(s.NotAction),
  }));
}

/** Least privilege, as DESIGN.md asks of every role: every action spelled out. */
export const NO_WILDCARD_ACTIONS: GuardRule = {
  id: 'ISO-AWS-008',
  title: 'IAM policies allow no `*` or `service:*` action',
  resourceTypes: ['aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'data.aws_iam_policy_document'],
  fix: 'list the actions the workload calls (e.g. "s3:GetObject") and scope them to its resources.',
  check: (config, resource) => {
    let statements;
    if (resource.type === 'data.aws_iam_policy_document') {
      statements = blocks(config.statement).map((s, i) => ({
        label: `statement ${s.sid ? `'${s.sid}'` : i + 1}`, effect: s.effect, actions: list(s.actions), notActions: list(s.not_actions),
      }));
    } else if (resource.type === 'aws_iam_role') {
      statements = blocks(config.inline_policy).flatMap((p) => jsonStatements(`inline policy '${p.name ?? ''}'`, p.policy));
    } else {
      statements = jsonStatements('policy', config.policy);
    }
    const problems = wildcardActions(statements);
    return sentence(problems);
  },
};
