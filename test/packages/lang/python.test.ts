import { describe, expect, it } from "vitest";
import { pipfileLockDetector } from "../../../src/packages/lang/pipfile.js";
import { poetryLockDetector } from "../../../src/packages/lang/poetry.js";
import { pythonInstalledDetector } from "../../../src/packages/lang/python-installed.js";
import { requirementsDetector } from "../../../src/packages/lang/requirements.js";
import { uvLockDetector } from "../../../src/packages/lang/uv.js";
import { dedent, found, run } from "./helpers.js";

const requestsMetadata = dedent(`
  Metadata-Version: 2.1
  Name: requests
  Version: 2.28.1
  Summary: Python HTTP for Humans.
  Home-page: https://requests.readthedocs.io
  Author: Kenneth Reitz
  License: Apache 2.0
  Project-URL: Source, https://github.com/psf/requests
  Classifier: Development Status :: 5 - Production/Stable
  Classifier: License :: OSI Approved :: Apache Software License
  Classifier: Programming Language :: Python :: 3
  Requires-Python: >=3.7, <4
  Requires-Dist: charset-normalizer (<3,>=2)
  Description-Content-Type: text/markdown

  # Requests

  License: this line is in the body and must not be read as a header
`);

const metadata24 = dedent(`
  Metadata-Version: 2.4
  Name: packaging
  Version: 24.2
  License-Expression: Apache-2.0 OR BSD-2-Clause
  License-File: LICENSE
  Classifier: License :: OSI Approved :: MIT License
`);

// The whole license text in the License header, folded over continuation lines, as older setuptools wrote it.
const longLicense = dedent(`
  Metadata-Version: 2.1
  Name: Jinja2
  Version: 3.1.2
  License: Copyright 2007 Pallets
          
          Redistribution and use in source and binary forms, with or without
          modification, are permitted provided that the following conditions are
          met:
  Classifier: License :: OSI Approved :: BSD License
  Classifier: Programming Language :: Python
`);

const debianEggInfo = dedent(`
  Metadata-Version: 1.1
  Name: python-apt
  Version: 2.6.0
  Summary: Python bindings for APT
  License: GNU GPL
  Platform: posix
`);

describe("installed Python distributions", () => {
  it.each([
    ["usr/lib/python3/dist-packages/requests-2.28.1.dist-info/METADATA", requestsMetadata, "requests@2.28.1", "Apache-2.0"],
    ["venv/lib/python3.12/site-packages/packaging-24.2.dist-info/METADATA", metadata24, "packaging@24.2", "Apache-2.0 OR BSD-2-Clause"],
    ["usr/local/lib/python3.11/site-packages/Jinja2-3.1.2.dist-info/METADATA", longLicense, "Jinja2@3.1.2", undefined],
    ["usr/lib/python3/dist-packages/python_apt-2.6.0.egg-info", debianEggInfo, "python-apt@2.6.0", "GNU GPL"],
    ["opt/app/lib/site-packages/python_apt-2.6.0-py3.11.egg-info/PKG-INFO", debianEggInfo, "python-apt@2.6.0", "GNU GPL"],
  ])("%s", async (path, text, expected, license) => {
    const out = await run(pythonInstalledDetector, path, text);
    expect(out.packages?.map((p) => `${p.name}@${p.version}`)).toEqual([expected]);
    expect(out.packages?.[0]?.license).toBe(license);
    expect(out.packages?.[0]?.ecosystem).toBe("PyPI");
    expect(out.packages?.[0]?.path).toBe(path);
  });

  it("keeps the name as written and gives the normalized purl", async () => {
    const out = await run(pythonInstalledDetector, "x/Jinja2-3.1.2.dist-info/METADATA", longLicense);
    expect(out.packages?.[0]).toMatchObject({ name: "Jinja2", purl: "pkg:pypi/jinja2@3.1.2" });
  });
});

const requirements = dedent(`
  # Production requirements
  --index-url https://pypi.org/simple
  -r base.txt
  -c constraints.txt
  Django==4.2.7
  requests[security,socks] == 2.31.0 ; python_version >= "3.8"
  urllib3==2.0.7 \\
      --hash=sha256:c97dfde1f7bd43a71c8d2a58e369e9b2bf692d1334ea9f9cae55add7d0dd0f84 \\
      --hash=sha256:fdb6d215c776278489906c2f8916e6e7d4f5a9b602ccbcfdf7f016fc8da0596e
  certifi===2023.7.22
  flask>=2.0
  numpy~=1.26.0
  gunicorn
  pytz==2023.*
  -e git+https://github.com/me/lib.git#egg=lib
  mylib @ https://example.com/mylib-1.0.tar.gz
  ./local/wheel-1.0-py3-none-any.whl
  https://example.com/pkgs/other-2.0.tar.gz
  zope.interface==6.1  # pinned for plone
`);

describe("requirements files", () => {
  it("lists exactly the pinned requirements, with extras, markers, hashes and comments", async () => {
    const out = await run(requirementsDetector, "app/requirements.txt", requirements);
    expect(out.packages?.map((p) => `${p.name}@${p.version}`)).toEqual(["Django@4.2.7", "requests@2.31.0", "urllib3@2.0.7", "certifi@2023.7.22", "zope.interface@6.1"]);
    expect(out.warnings).toEqual([
      "app/requirements.txt: 7 requirements without an exact version (==) not listed as packages: flask, numpy, gunicorn, pytz, mylib and 2 more",
    ]);
  });

  it("refuses a file that has no requirement at all", async () => {
    await expect(run(requirementsDetector, "requirements.txt", "<html>\n<body>not found</body>\n")).rejects.toThrow(
      "requirements.txt: not a pip requirements file (line 1 is not a requirement)",
    );
  });

  it("an empty file is no packages and no warning", async () => {
    expect(await run(requirementsDetector, "requirements-dev.txt", "# nothing yet\n")).toEqual({ packages: [] });
  });
});

const poetryV1 = dedent(`
  [[package]]
  name = "certifi"
  version = "2022.12.7"
  description = "Python package for providing Mozilla's CA Bundle."
  category = "main"
  optional = false
  python-versions = ">=3.6"

  [[package]]
  name = "pytest"
  version = "7.2.0"
  description = "pytest: simple powerful testing with Python"
  category = "dev"
  optional = false
  python-versions = ">=3.7"

  [package.dependencies]
  colorama = {version = "*", markers = "sys_platform == \\"win32\\""}

  [[package]]
  name = "mylib"
  version = "0.1.0"
  description = ""
  category = "main"
  optional = false
  python-versions = "^3.10"
  develop = true

  [package.source]
  type = "directory"
  url = "../mylib"

  [metadata]
  lock-version = "1.1"
  python-versions = "^3.10"
  content-hash = "9b9a7e0e8c2b"

  [metadata.files]
  certifi = []
  pytest = []
`);

const poetryV2 = dedent(`
  # This file is automatically @generated by Poetry 1.8.2 and should not be changed by hand.

  [[package]]
  name = "Flask"
  version = "3.0.2"
  description = "A simple framework for building complex web applications."
  optional = false
  python-versions = ">=3.8"
  files = [
      {file = "flask-3.0.2-py3-none-any.whl", hash = "sha256:3232e0e9c850d781933cf0207523d1ece087eb8d87b23777ae38456e2fbe7c6e"},
  ]

  [package.dependencies]
  Werkzeug = ">=3.0.0"

  [[package]]
  name = "internal-sdk"
  version = "1.4.0"
  description = "Company SDK"
  optional = false
  python-versions = "*"
  files = []

  [package.source]
  type = "legacy"
  url = "https://pypi.example.com/simple"
  reference = "internal"

  [[package]]
  name = "werkzeug"
  version = "3.0.1"
  description = "The comprehensive WSGI web application library."
  optional = false
  python-versions = ">=3.8"
  files = []

  [metadata]
  lock-version = "2.0"
  python-versions = "^3.11"
  content-hash = "0d6b5d0a2c"
`);

const pipfileLock = JSON.stringify({
  _meta: { hash: { sha256: "abc" }, "pipfile-spec": 6, requires: { python_version: "3.11" }, sources: [{ name: "pypi", url: "https://pypi.org/simple", verify_ssl: true }] },
  default: {
    django: { hashes: ["sha256:a"], index: "pypi", markers: "python_version >= '3.8'", version: "==4.2.7" },
    "charset-normalizer": { hashes: [], version: "==3.3.2" },
    mypkg: { editable: true, path: "." },
    vcs: { git: "https://github.com/me/vcs.git", ref: "0123abc" },
  },
  develop: {
    pytest: { hashes: [], index: "pypi", version: "==7.4.3" },
    django: { hashes: [], version: "==4.2.7" },
  },
});

const uvLock = dedent(`
  version = 1
  requires-python = ">=3.12"

  [[package]]
  name = "anyio"
  version = "4.3.0"
  source = { registry = "https://pypi.org/simple" }
  dependencies = [
      { name = "idna" },
      { name = "sniffio" },
  ]
  sdist = { url = "https://files.pythonhosted.org/packages/anyio-4.3.0.tar.gz", hash = "sha256:f75253795a87df48568485fd18cdd2a3fa5c4f7c5be8e5e36637733fce06fed6", size = 159642 }

  [[package]]
  name = "idna"
  version = "3.7"
  source = { registry = "https://pypi.org/simple" }

  [[package]]
  name = "my-service"
  version = "0.1.0"
  source = { editable = "." }
  dependencies = [
      { name = "anyio" },
  ]

  [[package]]
  name = "tools"
  version = "0.0.0"
  source = { virtual = "tools" }

  [[package]]
  name = "libfork"
  version = "2.0.0"
  source = { git = "https://github.com/me/libfork?rev=abc#abc" }

  [[package]]
  name = "vendored"
  version = "1.0.0"
  source = { path = "vendor/vendored-1.0.0-py3-none-any.whl" }
`);

describe("Python lock files", () => {
  it.each([
    ["poetry.lock 1.1: the project's own directory package left out", poetryLockDetector, "poetry.lock", poetryV1, ["certifi@2022.12.7", "pytest@7.2.0"]],
    ["poetry.lock 2.0: private index packages kept", poetryLockDetector, "svc/poetry.lock", poetryV2, ["Flask@3.0.2", "internal-sdk@1.4.0", "werkzeug@3.0.1"]],
    ["Pipfile.lock: default and develop, editable and git entries left out", pipfileLockDetector, "Pipfile.lock", pipfileLock, ["django@4.2.7", "charset-normalizer@3.3.2", "pytest@7.4.3"]],
    ["uv.lock: editable, virtual and path sources left out", uvLockDetector, "uv.lock", uvLock, ["anyio@4.3.0", "idna@3.7", "libfork@2.0.0"]],
  ] as const)("%s", async (_label, detector, path, text, expected) => {
    expect(await found(detector, path, text)).toEqual(expected);
  });

  it("gives PyPI purls", async () => {
    const out = await run(poetryLockDetector, "svc/poetry.lock", poetryV2);
    expect(out.packages?.[0]).toEqual({ name: "Flask", version: "3.0.2", ecosystem: "PyPI", purl: "pkg:pypi/flask@3.0.2", path: "svc/poetry.lock", dependsOn: ["pkg:pypi/werkzeug@3.0.1"] });
  });
});
