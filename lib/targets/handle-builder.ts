import { TerraformResource } from 'cdktf';
import type { KeyHandle, LogGroupHandle, NetworkHandle, RoleHandle, SecurityGroupHandle } from './handles';

// Handles read their resource's attributes on first use: each read creates a token with a full stack
// trace (DESIGN.md, Performance notes), and most handles are never read. A token the realization read
// anyway is passed in and reused; every other field is read once, when user code first asks for it.

type Known = { readonly [field: string]: string | boolean | undefined };

function lazyHandle<H>(resource: TerraformResource, attributes: { readonly [field: string]: string }, known: Known): H {
  const handle: Record<string, unknown> = { resource };
  for (const [field, value] of Object.entries(known)) if (value !== undefined) handle[field] = value;
  for (const [field, attribute] of Object.entries(attributes)) {
    if (field in handle) continue;
    let token: string | undefined;
    Object.defineProperty(handle, field, { enumerable: true, get: () => (token ??= resource.getStringAttribute(attribute)) });
  }
  return handle as H;
}

/** Builds the handles of lib/targets/handles.ts over resources a realization created. */
export const HandleBuilder = {
  role: (resource: TerraformResource, known: { roleName?: string; roleArn?: string } = {}): RoleHandle =>
    lazyHandle(resource, { roleName: 'name', roleArn: 'arn' }, known),
  securityGroup: (resource: TerraformResource, known: { securityGroupId: string; vpcId: string }): SecurityGroupHandle =>
    lazyHandle(resource, {}, known),
  logGroup: (resource: TerraformResource): LogGroupHandle =>
    lazyHandle(resource, { logGroupName: 'name', logGroupArn: 'arn' }, {}),
  key: (resource: TerraformResource, known: { keyArn: string; keyId: string; shared: boolean }): KeyHandle =>
    lazyHandle(resource, {}, known),
  network: (resource: TerraformResource, known: { networkName?: string; networkId?: string; shared: boolean }): NetworkHandle =>
    lazyHandle(resource, { networkName: 'name', networkId: 'id' }, known),
};
