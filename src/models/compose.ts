// Docker Compose services normalized for checks. Values written with variable interpolation
// (`${TAG}`, `$HOME`) are `known: false`: the file alone does not say what they become.
import type { ResourceModel, SourceRange } from "../checks/types.js";
import type { Val } from "./value.js";

export interface ComposeVolume {
  range: SourceRange;
  /** `bind` (a host path), `volume` (named or anonymous), `tmpfs`, ...; undefined when it cannot be told. */
  type?: string;
  /** The host path of a bind mount, or the volume's name. */
  source?: Val<string>;
  target?: Val<string>;
  /** true when mounted read-only; undefined when the mode cannot be told. */
  readOnly?: boolean;
  /** Bind propagation (`rshared`, `shared`, ...), short or long syntax. */
  propagation?: Val<string>;
}

export interface ComposePort {
  range: SourceRange;
  /** The short syntax as written, or a rebuilt one for the long syntax. */
  text: string;
  /** Undefined when no host address is given: the port is published on every interface. */
  hostIp?: Val<string>;
  published?: Val<string>;
  target?: Val<string>;
  /** false when the entry could not be read (interpolated, malformed): checks stay quiet on it. */
  known: boolean;
}

export interface ComposeEnv {
  name: string;
  /** Undefined when the variable takes its value from the shell running compose (`- NAME`, `NAME:`). */
  value?: Val<string>;
  /** `map` for `NAME: value`, `list` for `- NAME=value`: how to show it redacted. */
  style: "map" | "list";
  range: SourceRange;
}

export interface ComposeService extends ResourceModel {
  modelType: "compose.Service";
  /** `services.web` */
  address: string;
  name: string;
  /** The line of the service's key. */
  keyRange: SourceRange;
  /** Whether the service inherits settings (`extends:`): what is absent here may be set there. */
  extends: boolean;
  /** Whether the service builds its image (`build:`); `image` then names the result. */
  build: boolean;
  image?: Val<string>;
  user?: Val<string>;
  privileged?: Val<boolean>;
  readOnly?: Val<boolean>;
  networkMode?: Val<string>;
  pid?: Val<string>;
  ipc?: Val<string>;
  uts?: Val<string>;
  usernsMode?: Val<string>;
  capAdd: Val<string>[];
  capDrop: Val<string>[];
  securityOpt: Val<string>[];
  /** Host devices, `/dev/x[:/dev/y[:rwm]]` or the long syntax's source. */
  devices: Val<string>[];
  volumes: ComposeVolume[];
  ports: ComposePort[];
  environment: ComposeEnv[];
  /** `healthcheck.disable: true`, or `test: ["NONE"]`, where written. */
  healthcheckDisabled?: Val<boolean>;
  /** `mem_limit` or `deploy.resources.limits.memory`, whichever is written. */
  memoryLimit?: Val<string>;
  /** `pids_limit` or `deploy.resources.limits.pids`, whichever is written; -1 and 0 mean no limit. */
  pidsLimit?: Val<number>;
  /** Whether a CPU share or limit is written (`cpus`, `cpu_shares`, `cpu_quota`, `deploy.resources.limits.cpus`). */
  cpuLimit?: Val<true>;
  /** `restart`: `no` (the default), `always`, `unless-stopped`, `on-failure[:N]`. */
  restart?: Val<string>;
  /** `deploy.restart_policy`: `condition` (`any` when absent) and `max_attempts` (unbounded when absent). */
  restartPolicy?: { range: SourceRange; condition?: Val<string>; maxAttempts?: Val<number> };
  /** `cgroup_parent`: the host cgroup the container is placed under. */
  cgroupParent?: Val<string>;
  /** `cgroup`: `private` or `host` (the cgroup namespace). */
  cgroup?: Val<string>;
  /** `sysctls`, map or `name=value` list; names with an interpolated part are left out. */
  sysctls: { name: string; value?: Val<string>; range: SourceRange }[];
}
