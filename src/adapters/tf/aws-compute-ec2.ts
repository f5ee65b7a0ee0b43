// Terraform onto EC2 launch settings (instances, launch templates, launch configurations) and onto
// the security groups each of them, and each load balancer, attaches by reference.
import type { AttachedGroup, BlockDevice, Ec2Instance, LaunchConfiguration, LaunchSettings, LaunchTemplate, NetworkAttachment } from "../../models/aws-compute.js";
import type { Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import { userDataText } from "./aws-compute-doc.js";
import { allRules, attachedGroups, rulesByGroup } from "./aws-compute-sg.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, blocksOf, boolOf, refTarget, stringOf } from "./util.js";

function device(name: string, b: TfBlock, encryptedIn: TfBlock = b): BlockDevice {
  const d: BlockDevice = { name, fromSnapshot: encryptedIn.attrs.has("snapshot_id"), range: b.range };
  const enc = boolOf(encryptedIn.attrs.get("encrypted"));
  if (enc) d.encrypted = enc;
  return d;
}

function metadata(into: LaunchSettings, b: TfBlock | undefined): void {
  if (!b) return;
  into.metadataRange = b.range;
  const tokens = stringOf(b.attrs.get("http_tokens"));
  const endpoint = stringOf(b.attrs.get("http_endpoint"));
  if (tokens) into.httpTokens = tokens;
  if (endpoint) into.httpEndpoint = endpoint;
}

/** Instances and launch configurations share the same block layout. */
function instanceLike(r: TfResource): LaunchSettings {
  const s: LaunchSettings = { volumes: [] };
  metadata(s, blocksOf(r, "metadata_options")[0]);
  const pub = boolOf(r.block.attrs.get("associate_public_ip_address"));
  if (pub) s.associatePublicIp = pub;
  for (const b of blocksOf(r, "root_block_device")) s.volumes.push(device("root", b));
  for (const b of blocksOf(r, "ebs_block_device")) s.volumes.push(device(stringOf(b.attrs.get("device_name"))?.value ?? "ebs", b));
  const plain = stringOf(r.block.attrs.get("user_data"));
  const encoded = stringOf(r.block.attrs.get("user_data_base64"));
  const userData = plain ? userDataText(plain, "maybe") : userDataText(encoded, true);
  if (userData) s.userData = userData;
  return s;
}

function instance(r: TfResource): Ec2Instance {
  const m: Ec2Instance = { ...base(r, "aws.ec2.Instance"), ...instanceLike(r) };
  // Without its own metadata options an instance takes its launch template's.
  const template = blocksOf(r, "launch_template")[0];
  if (template && !m.metadataRange) m.httpTokens = { value: undefined, known: false, range: template.range };
  const monitoring = boolOf(r.block.attrs.get("monitoring"));
  if (monitoring) m.monitoring = monitoring;
  return m;
}

function launchTemplate(r: TfResource): LaunchTemplate {
  const m: LaunchTemplate = { ...base(r, "aws.ec2.LaunchTemplate"), volumes: [] };
  metadata(m, blocksOf(r, "metadata_options")[0]);
  const nics = blocksOf(r, "network_interfaces").map((n) => boolOf(n.attrs.get("associate_public_ip_address"))).filter((v): v is Val<boolean> => v !== undefined);
  const pub = nics.find((v) => v.value === true) ?? nics[0];
  if (pub) m.associatePublicIp = pub;
  for (const b of blocksOf(r, "block_device_mappings")) {
    const ebs = blocksOf(b, "ebs")[0];
    if (ebs) m.volumes.push(device(stringOf(b.attrs.get("device_name"))?.value ?? "ebs", b, ebs));
  }
  const userData = userDataText(stringOf(r.block.attrs.get("user_data")), true);
  if (userData) m.userData = userData;
  return m;
}

function launchConfiguration(r: TfResource): LaunchConfiguration {
  return { ...base(r, "aws.autoscaling.LaunchConfiguration"), ...instanceLike(r) };
}

/** Whether an instance gets a public address: its own setting, else its subnet's, else the default subnet's (yes). */
function instancePublic(r: TfResource, index: TfIndex): Val<boolean> | undefined {
  const own = boolOf(r.block.attrs.get("associate_public_ip_address"));
  if (own) return own;
  if (blocksOf(r, "network_interface").length > 0) return { value: undefined, known: false, range: r.block.range };
  const subnetRef = r.block.attrs.get("subnet_id");
  if (!subnetRef) return { value: true, known: true, range: r.block.range };
  const target = refTarget(subnetRef, "aws_subnet");
  const subnet = target ? index.ofType("aws_subnet").find((s) => s.address === target) : undefined;
  if (!subnet) return { value: undefined, known: false, range: subnetRef.range };
  return boolOf(subnet.block.attrs.get("map_public_ip_on_launch")) ?? { value: false, known: true, range: subnet.block.range };
}

function attachment(r: TfResource, kind: string, groups: AttachedGroup[], publicAddress: Val<boolean> | undefined): NetworkAttachment {
  const m: NetworkAttachment = { ...base(r, "aws.ec2.NetworkAttachment"), kind, groups };
  if (publicAddress) m.publicAddress = publicAddress;
  return m;
}

function attachments(index: TfIndex): NetworkAttachment[] {
  const byGroup = rulesByGroup(allRules(index));
  const groups = (r: TfResource, attrs: readonly string[], blocks: readonly TfBlock[] = []) =>
    attachedGroups([...attrs.map((a) => r.block.attrs.get(a)), ...blocks.map((b) => b.attrs.get("security_groups"))], byGroup, index);
  const out: NetworkAttachment[] = [];
  for (const r of index.ofType("aws_instance")) out.push(attachment(r, "instance", groups(r, ["vpc_security_group_ids", "security_groups"]), instancePublic(r, index)));
  for (const r of index.ofType("aws_launch_template")) {
    const nics = blocksOf(r, "network_interfaces");
    const pub = nics.map((n) => boolOf(n.attrs.get("associate_public_ip_address"))).find((v) => v !== undefined);
    out.push(attachment(r, "launch template", groups(r, ["vpc_security_group_ids", "security_group_names"], nics), pub ?? { value: undefined, known: false, range: r.block.range }));
  }
  for (const r of index.ofType("aws_launch_configuration")) {
    const pub = boolOf(r.block.attrs.get("associate_public_ip_address")) ?? { value: undefined, known: false, range: r.block.range };
    out.push(attachment(r, "launch configuration", groups(r, ["security_groups"]), pub));
  }
  for (const r of [...index.ofType("aws_lb"), ...index.ofType("aws_alb")]) {
    const internal = boolOf(r.block.attrs.get("internal"));
    const pub = internal ? { ...internal, value: internal.known ? !internal.value : undefined } : { value: true, known: true, range: r.block.range };
    out.push(attachment(r, "load balancer", groups(r, ["security_groups"]), pub));
  }
  return out.filter((a) => a.groups.length > 0);
}

export const awsComputeEc2Mappers: readonly TfMapper[] = [
  (index) => index.ofType("aws_instance").map(instance),
  (index) => index.ofType("aws_launch_template").map(launchTemplate),
  (index) => index.ofType("aws_launch_configuration").map(launchConfiguration),
  attachments,
];
