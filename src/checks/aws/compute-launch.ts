// What instances, launch templates and launch configurations have in common, judged once.
import { redactValue } from "../../core/redact.js";
import type { AwsResource } from "../../models/aws.js";
import type { LaunchSettings } from "../../models/aws-compute.js";
import { fail } from "../define.js";
import type { Violation } from "../types.js";
import { credentialsIn } from "./compute-secrets.js";
import { isKnown } from "./util.js";

type Launch = AwsResource & LaunchSettings;

/** The metadata service accepts IMDSv1 requests: tokens not required and the endpoint not disabled. */
export function imdsV1(m: Launch, what: string): Violation | undefined {
  if (isKnown(m.httpEndpoint, "disabled")) return undefined;
  if (m.httpTokens && !m.httpTokens.known) return undefined;
  if (isKnown(m.httpTokens, "required")) return undefined;
  const at = m.httpTokens ?? m.metadataRange ?? m.range;
  const why = m.httpTokens ? `http_tokens is "${m.httpTokens.value}"` : "session tokens are not required";
  return fail(at, `${m.address} ${what} allows IMDSv1: ${why}`, { key: `${m.address} imdsv1` });
}

export function publicIp(m: Launch, what: string): Violation | undefined {
  if (!isKnown(m.associatePublicIp, true)) return undefined;
  return fail(m.associatePublicIp, `${m.address} ${what} a public IP address`, { key: `${m.address} public ip` });
}

/** Block devices written without encryption (not made from a snapshot, whose setting they inherit). */
export function unencryptedVolumes(m: Launch): Violation[] {
  return m.volumes
    .filter((d) => (d.encrypted ? isKnown(d.encrypted, false) : !d.fromSnapshot))
    .map((d) =>
      fail(d.encrypted ?? d.range, `${m.address} ${d.name === "root" ? "root volume" : `volume ${d.name}`} is not encrypted`, {
        key: `${m.address} volume ${d.name}`,
      }),
    );
}

export function userDataSecrets(m: Launch): Violation | undefined {
  if (!isKnown(m.userData)) return undefined;
  const found = credentialsIn(m.userData.value);
  if (found.length === 0) return undefined;
  return fail(m.userData, `${m.address} user data holds ${found.length === 1 ? "a credential" : "credentials"}: ${found.join(", ")}`, {
    key: `${m.address} user data`,
    snippet: `user_data = "${redactValue(m.userData.value)}"`,
  });
}
