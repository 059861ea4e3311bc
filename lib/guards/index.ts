export { GuardFinding, GuardPack, GuardRuleInfo, GuardSuppression, IsolationGuards, IsolationGuardsProps } from './isolation-guards';
