import { securityOptCheck } from "./security-opt.js";

export default securityOptCheck({
  id: "MAM-DC-011",
  option: "apparmor",
  off: "unconfined",
  title: "Service runs without AppArmor",
  description:
    "The service sets `security_opt: apparmor:unconfined`. On hosts with AppArmor, Docker's default profile keeps " +
    "containers from writing to /proc and /sys, mounting file systems and other steps used to escape; unconfined, " +
    "none of that applies to this service.",
  what: "turns AppArmor confinement off",
  remediation: "Remove apparmor:unconfined so the default profile applies, or load a profile written for the service and name it.",
  fix: "security_opt:\n  - apparmor:docker-default",
  control: "5.2",
  good: "apparmor:docker-default",
});
