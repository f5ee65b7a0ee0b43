// The Dockerfile checks, one module each.
import type { Check } from "../types.js";
import addInsteadOfCopy from "./add-instead-of-copy.js";
import addRemoteUrl from "./add-remote-url.js";
import apkNoCache from "./apk-no-cache.js";
import aptCli from "./apt-cli.js";
import aptLists from "./apt-lists.js";
import aptNoRecommends from "./apt-no-recommends.js";
import aptPin from "./apt-pin.js";
import aptUpgrade from "./apt-upgrade.js";
import assumeYes from "./assume-yes.js";
import cdWorkdir from "./cd-workdir.js";
import chmodWorldWritable from "./chmod-world-writable.js";
import copyCredentials from "./copy-credentials.js";
import copyFromStage from "./copy-from-stage.js";
import duplicateStage from "./duplicate-stage.js";
import exposeRange from "./expose-range.js";
import exposeSsh from "./expose-ssh.js";
import fromLatest from "./from-latest.js";
import fromPlatform from "./from-platform.js";
import gitCloneUnpinned from "./git-clone-unpinned.js";
import healthcheck from "./healthcheck.js";
import maintainer from "./maintainer.js";
import multipleCmd from "./multiple-cmd.js";
import multipleHealthcheck from "./multiple-healthcheck.js";
import packageSignatures from "./package-signatures.js";
import passwordSet from "./password-set.js";
import pipNoCache from "./pip-no-cache.js";
import pipPin from "./pip-pin.js";
import pipeToShell from "./pipe-to-shell.js";
import plainHttp from "./plain-http.js";
import rootUser from "./root-user.js";
import rpmCache from "./rpm-cache.js";
import runInsecure from "./run-insecure.js";
import secretBuildArg from "./secret-build-arg.js";
import secretLiteral from "./secret-literal.js";
import shellForm from "./shell-form.js";
import sshHostKeys from "./ssh-host-keys.js";
import sudo from "./sudo.js";
import tlsDownload from "./tls-download.js";
import tlsEnv from "./tls-env.js";
import tlsTools from "./tls-tools.js";
import toolVersions from "./tool-versions.js";
import updateAlone from "./update-alone.js";
import upgradeAll from "./upgrade-all.js";
import useraddLastlog from "./useradd-lastlog.js";
import workdirRelative from "./workdir-relative.js";

export const dockerChecks: readonly Check[] = [
  rootUser,
  addRemoteUrl,
  addInsteadOfCopy,
  fromLatest,
  secretLiteral,
  secretBuildArg,
  healthcheck,
  aptPin,
  aptNoRecommends,
  aptLists,
  updateAlone,
  aptUpgrade,
  pipeToShell,
  sudo,
  exposeSsh,
  chmodWorldWritable,
  apkNoCache,
  cdWorkdir,
  multipleCmd,
  maintainer,
  tlsDownload,
  tlsTools,
  tlsEnv,
  packageSignatures,
  sshHostKeys,
  plainHttp,
  copyCredentials,
  passwordSet,
  runInsecure,
  copyFromStage,
  duplicateStage,
  gitCloneUnpinned,
  toolVersions,
  pipPin,
  pipNoCache,
  rpmCache,
  upgradeAll,
  assumeYes,
  aptCli,
  shellForm,
  workdirRelative,
  multipleHealthcheck,
  exposeRange,
  useraddLastlog,
  fromPlatform,
];
