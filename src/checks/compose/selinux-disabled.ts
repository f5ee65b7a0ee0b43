import { securityOptCheck } from "./security-opt.js";

export default securityOptCheck({
  id: "MAM-DC-012",
  option: "label",
  off: "disable",
  title: "Service turns SELinux separation off",
  description:
    "The service sets `security_opt: label:disable` (or `label=disable`). On SELinux hosts containers run in a " +
    "confined type with their own category, which keeps them from host files and from each other even as root; " +
    "this option runs the container unconfined instead.",
  what: "turns SELinux labelling off: the container is not confined by SELinux",
  remediation: "Remove label:disable; relabel the bind mounts the service needs with the `:z` or `:Z` volume option instead.",
  fix: "volumes:\n  - ./data:/data:Z",
  control: "5.3",
  good: "label=level:s0:c100,c200",
});
