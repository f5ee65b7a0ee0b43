// The Dockerfile checks, one module each.
import type { Check } from "../types.js";
import addInsteadOfCopy from "./add-instead-of-copy.js";
import addRemoteUrl from "./add-remote-url.js";
import apkNoCache from "./apk-no-cache.js";
import aptLists from "./apt-lists.js";
import aptNoRecommends from "./apt-no-recommends.js";
import aptPin from "./apt-pin.js";
import aptUpgrade from "./apt-upgrade.js";
import cdWorkdir from "./cd-workdir.js";
import chmodWorldWritable from "./chmod-world-writable.js";
import exposeSsh from "./expose-ssh.js";
import fromLatest from "./from-latest.js";
import healthcheck from "./healthcheck.js";
import maintainer from "./maintainer.js";
import multipleCmd from "./multiple-cmd.js";
import pipeToShell from "./pipe-to-shell.js";
import rootUser from "./root-user.js";
import secretBuildArg from "./secret-build-arg.js";
import secretLiteral from "./secret-literal.js";
import sudo from "./sudo.js";
import updateAlone from "./update-alone.js";

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
];
