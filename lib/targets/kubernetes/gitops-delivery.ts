import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import type { ISynthesisSession } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { stringify } from 'yaml';
import { DeliveredObject, ObjectRequest, ObjectSink } from './delivery';
import { KIND_ORDER, KubeObject } from './objects';

// The GITOPS delivery: the objects as YAML files beside the stack's cdk.tf.json, for Argo CD or Flux.
// Written through the stack's synthesizer (a public, assignable TerraformStack property, as the
// placement report uses it), after the stack's own synthesis; nothing reaches the Terraform state.

/** The folder below the stack's output directory that holds one target's files. */
export const GITOPS_FOLDER = 'kubernetes';
export const SHARED_FILE = 'shared.yaml';
export const KUSTOMIZATION_FILE = 'kustomization.yaml';

/** One object of a GITOPS delivery: a construct in the tree (so guards find it), produced at synth. */
export class GitOpsManifest extends Construct {
  /** Whether a construct is one (guards collect them beside the Terraform resources). */
  public static isGitOpsManifest(c: IConstruct): c is GitOpsManifest {
    return c instanceof GitOpsManifest;
  }

  constructor(scope: Construct, id: string, public readonly file: string, private readonly produce: () => KubeObject) {
    super(scope, id);
  }

  /** The object as written. */
  public get manifest(): KubeObject {
    return this.produce();
  }
}

/** Objects as GitOps files of one target, written when its stack synthesizes. */
export class GitOpsSink implements ObjectSink {
  private readonly objects: GitOpsManifest[] = [];

  /** @param folder the target's folder below the stack's output directory */
  constructor(stack: TerraformStack, folder: string) {
    const inner = stack.synthesizer;
    const sink = this;
    stack.synthesizer = {
      synthesize(session: ISynthesisSession): void {
        inner.synthesize(session);
        sink.writeFiles(path.join(session.outdir, session.manifest.forStack(stack).workingDirectory, folder));
      },
    };
  }

  public write(r: ObjectRequest): DeliveredObject {
    const object = new GitOpsManifest(r.scope, r.id, r.file, r.produce);
    this.objects.push(object);
    return { construct: object };
  }

  /** Every file's text by name (YAML documents in apply order), and the kustomization listing them. */
  public files(): Record<string, string> {
    const byFile = new Map<string, KubeObject[]>();
    for (const o of this.objects) byFile.set(o.file, [...(byFile.get(o.file) ?? []), o.manifest]);
    const names = [...byFile.keys()].sort();
    const out: Record<string, string> = {};
    for (const name of names) out[name] = byFile.get(name)!.sort(applyOrder).map(yamlDocument).join('');
    out[KUSTOMIZATION_FILE] = yamlDocument({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: names });
    return out;
  }

  /** Replaces the folder's content: a tenant removed from the program leaves no file behind. */
  private writeFiles(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(this.files())) fs.writeFileSync(path.join(dir, name), text);
  }
}

/** YAML 1.1-safe (strings such as "yes" or "on" are quoted, as kubectl's parser reads 1.1), never folded. */
function yamlDocument(object: object): string {
  return `---\n${stringify(object, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** Cluster-scoped first, workloads last (KIND_ORDER), then by namespace and name: stable on every synth. */
function applyOrder(a: KubeObject, b: KubeObject): number {
  const kind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (kind !== 0) return kind;
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
