import type { Severity } from "../../core/model.js";
import { fail } from "../define.js";
import type { Violation } from "../types.js";
import { defineImageCheck, exampleConfig } from "./types.js";

interface Service {
  name: string;
  severity: Severity;
  why: string;
}

const PLAINTEXT_LOGIN = "a plaintext remote login service";
const REMOTE_DESKTOP = "a remote desktop service";
const DATABASE = "a database: it belongs on a private network, never published beyond the application that uses it";

// SSH (22) is MAM-DF-015. Only TCP services: what a scanner of the network would reach first.
const SERVICES: Record<number, Service> = {
  21: { name: "FTP", severity: "medium", why: "a plaintext file transfer service" },
  23: { name: "Telnet", severity: "medium", why: PLAINTEXT_LOGIN },
  512: { name: "rexec", severity: "medium", why: PLAINTEXT_LOGIN },
  513: { name: "rlogin", severity: "medium", why: PLAINTEXT_LOGIN },
  514: { name: "rsh", severity: "medium", why: PLAINTEXT_LOGIN },
  445: { name: "SMB", severity: "medium", why: "Windows file sharing" },
  2375: { name: "the Docker API without TLS", severity: "high", why: "an unauthenticated Docker daemon: whoever reaches it controls the host" },
  2379: { name: "etcd", severity: "medium", why: "a cluster key-value store that often holds secrets" },
  3389: { name: "RDP", severity: "medium", why: REMOTE_DESKTOP },
  5900: { name: "VNC", severity: "medium", why: REMOTE_DESKTOP },
  1433: { name: "Microsoft SQL Server", severity: "low", why: DATABASE },
  1521: { name: "Oracle Database", severity: "low", why: DATABASE },
  3306: { name: "MySQL", severity: "low", why: DATABASE },
  5432: { name: "PostgreSQL", severity: "low", why: DATABASE },
  5984: { name: "CouchDB", severity: "low", why: DATABASE },
  6379: { name: "Redis", severity: "low", why: DATABASE },
  9042: { name: "Cassandra", severity: "low", why: DATABASE },
  9200: { name: "Elasticsearch", severity: "low", why: DATABASE },
  11211: { name: "Memcached", severity: "low", why: DATABASE },
  27017: { name: "MongoDB", severity: "low", why: DATABASE },
};

export default defineImageCheck({
  id: "MAM-IMG-003",
  title: "Image exposes a sensitive service port",
  severity: "medium",
  description:
    "The image configuration exposes the port of a service that should not face a network: plaintext remote " +
    "logins (Telnet, rsh, FTP), remote desktops (RDP, VNC), the Docker API without TLS, or a database. Exposed " +
    "ports are published by `docker run -P` and document what the container offers; each is attack surface. " +
    "Databases are reported as low: a database image exposing its port is expected, publishing it is not. SSH " +
    "(port 22) is MAM-DF-015.",
  appliesTo: "image.Config",
  compliance: [{ framework: "cis-docker-1.6", control: "5.9" }],
  remediation: {
    text: "Remove the EXPOSE for services the image should not offer (and the services themselves); keep database ports on private networks and publish them only to the applications that need them.",
  },
  examples: {},
  imageExamples: {
    bad: [
      exampleConfig({
        config: { ExposedPorts: { "6379/tcp": {} } },
        history: [{ created_by: "EXPOSE map[6379/tcp:{}]", empty_layer: true }],
      }),
      exampleConfig({ config: { ExposedPorts: { "8080/tcp": {}, "5900/tcp": {} } } }),
      exampleConfig({ config: { ExposedPorts: { "2375/tcp": {} } } }),
    ],
    good: [
      exampleConfig({ config: { ExposedPorts: { "8080/tcp": {}, "443/tcp": {} } } }),
      exampleConfig({ config: { ExposedPorts: { "5432/udp": {}, "22/tcp": {} } } }),
    ],
  },
  evaluate(image) {
    const out: Violation[] = [];
    for (const port of image.exposedPorts) {
      const [number = "", proto] = port.value.split("/");
      if (proto !== "tcp" || number.includes("-")) continue;
      const service = SERVICES[Number(number)];
      if (!service) continue;
      out.push(
        fail(port, `port ${port.value} is ${service.name}, ${service.why}`, { key: `EXPOSE ${port.value}`, severity: service.severity }),
      );
    }
    return out;
  },
});
