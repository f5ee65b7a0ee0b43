import { hostModeCheck } from "./host-mode.js";

export default hostModeCheck({
  id: "MAM-DC-007",
  field: "usernsMode",
  key: "userns_mode",
  title: "Service opts out of user namespace remapping",
  severity: "medium",
  description:
    "The service sets `userns_mode: host`. Where the Docker daemon remaps container users (userns-remap), root " +
    "in a container is an unprivileged user on the host; this setting turns that off for the service, so its " +
    "root is the host's root for files it can reach through mounts and for any escape.",
  consequence: "its root user is the host's root",
  remediation: "Remove userns_mode: host and fix whatever needed it (usually file ownership on a bind mount).",
  references: { kics: "8af7162d-6c98-482f-868e-0d33fb675ca8" },
  control: "5.31",
});
