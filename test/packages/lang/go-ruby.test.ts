import { describe, expect, it } from "vitest";
import { gemfileLockDetector } from "../../../src/packages/lang/gemfile-lock.js";
import { gemspecDetector, nameVersionFromFileName } from "../../../src/packages/lang/gemspec.js";
import { goModDetector } from "../../../src/packages/lang/gomod.js";
import { dedent, found, run } from "./helpers.js";

const goMod = dedent(`
  module github.com/acme/service

  go 1.21

  toolchain go1.21.5

  require (
  	github.com/gin-gonic/gin v1.9.1
  	github.com/google/uuid v1.3.0 // indirect
  	"github.com/quoted/mod" v0.2.0
  	golang.org/x/net v0.17.0 // indirect
  	github.com/acme/shared v0.0.0-20231010101010-abcdefabcdef
  	github.com/old/lib v2.0.0+incompatible
  )

  require gopkg.in/yaml.v3 v3.0.1

  require ()

  replace github.com/acme/shared => ../shared

  replace (
  	golang.org/x/net v0.17.0 => golang.org/x/net v0.19.0
  	golang.org/x/net v0.10.0 => golang.org/x/net v0.11.0 // another version: does not apply
  	github.com/old/lib => github.com/fork/lib v2.1.0+incompatible
  )

  exclude github.com/gin-gonic/gin v1.9.0

  retract v1.0.0 // published by mistake
`);

describe("go.mod", () => {
  it("lists required modules; replaced ones as their replacement, local replacements left out", async () => {
    expect(await found(goModDetector, "src/go.mod", goMod)).toEqual([
      "github.com/gin-gonic/gin@v1.9.1",
      "github.com/google/uuid@v1.3.0",
      "github.com/quoted/mod@v0.2.0",
      "golang.org/x/net@v0.19.0",
      "github.com/fork/lib@v2.1.0+incompatible",
      "gopkg.in/yaml.v3@v3.0.1",
    ]);
  });

  it("gives Go purls with the module path as namespace and no stdlib package", async () => {
    const out = await run(goModDetector, "src/go.mod", goMod);
    expect(out.packages?.[0]).toEqual({
      name: "github.com/gin-gonic/gin",
      version: "v1.9.1",
      ecosystem: "Go",
      purl: "pkg:golang/github.com/gin-gonic/gin@v1.9.1",
      path: "src/go.mod",
    });
    expect(out.packages?.some((p) => p.name === "stdlib")).toBe(false);
    expect(out.warnings).toBeUndefined();
  });

  it("a module without requirements has no packages", async () => {
    expect(await found(goModDetector, "go.mod", "module example.com/tool\n\ngo 1.22\n")).toEqual([]);
  });

  it("warns about a malformed require line and keeps the rest", async () => {
    const out = await run(goModDetector, "go.mod", "module m\nrequire (\n  a.example/x v1.0.0\n  b.example/y\n)\n");
    expect(out.packages?.map((p) => p.name)).toEqual(["a.example/x"]);
    expect(out.warnings).toEqual(['go.mod: line 4: malformed require: "b.example/y"']);
  });
});

const installedSpec = dedent(`
  # -*- encoding: utf-8 -*-
  # stub: nokogiri 1.15.4 x86_64-linux lib

  Gem::Specification.new do |s|
    s.name = "nokogiri".freeze
    s.version = "1.15.4"
    s.platform = "x86_64-linux".freeze

    s.required_rubygems_version = Gem::Requirement.new(">= 0".freeze) if s.respond_to? :required_rubygems_version=
    s.metadata = { "bug_tracker_uri" => "https://github.com/sparklemotion/nokogiri/issues" } if s.respond_to? :metadata=
    s.require_paths = ["lib".freeze]
    s.authors = ["Mike Dalessio".freeze]
    s.licenses = ["MIT".freeze]
    s.rubygems_version = "3.4.19".freeze
    s.summary = "Nokogiri (\\u92F8) makes it easy and painless to work with XML and HTML from Ruby.".freeze

    s.installed_by_version = "3.4.19" if s.respond_to? :installed_by_version

    s.specification_version = 4

    s.add_runtime_dependency(%q<racc>.freeze, ["~> 1.4"])
  end
`);

const defaultSpec = dedent(`
  # -*- encoding: utf-8 -*-
  # stub: json 2.6.3 ruby lib

  Gem::Specification.new do |s|
    s.name = "json".freeze
    s.version = "2.6.3"
    s.licenses = ["Ruby".freeze, "BSD-2-Clause".freeze]
  end
`);

describe("installed gem specifications", () => {
  it.each([
    ["usr/local/bundle/specifications/nokogiri-1.15.4-x86_64-linux.gemspec", installedSpec, "nokogiri@1.15.4", "MIT"],
    ["usr/lib/ruby/gems/3.2.0/specifications/default/json-2.6.3.gemspec", defaultSpec, "json@2.6.3", "Ruby OR BSD-2-Clause"],
    // A hand-written spec reads its version from a constant: the file name says it.
    ["var/lib/gems/3.1.0/specifications/net-http-2-0.4.1.gemspec", "Gem::Specification.new do |spec|\n  spec.name = 'net-http-2'\n  spec.version = NetHttp2::VERSION\nend\n", "net-http-2@0.4.1", undefined],
  ])("%s", async (path, text, expected, license) => {
    const out = await run(gemspecDetector, path, text);
    expect(out.packages?.map((p) => `${p.name}@${p.version}`)).toEqual([expected]);
    expect(out.packages?.[0]?.license).toBe(license);
    expect(out.packages?.[0]?.ecosystem).toBe("RubyGems");
  });

  it.each([
    ["rack-2.2.8", { name: "rack", version: "2.2.8" }],
    ["nokogiri-1.15.4-x86_64-linux", { name: "nokogiri", version: "1.15.4" }],
    ["net-http-2-0.4.1", { name: "net-http-2", version: "0.4.1" }],
    ["ruby2_keywords-0.0.5", { name: "ruby2_keywords", version: "0.0.5" }],
    ["ffi-1.15.5-universal-darwin-22", { name: "ffi", version: "1.15.5" }],
    ["md5-2", { name: "md5", version: "2" }],
    ["noversion", undefined],
  ])("file name %s", (stem, expected) => {
    expect(nameVersionFromFileName(stem)).toEqual(expected);
  });

  it("gives gem purls", async () => {
    const out = await run(gemspecDetector, "usr/local/bundle/specifications/nokogiri-1.15.4-x86_64-linux.gemspec", installedSpec);
    expect(out.packages?.[0]?.purl).toBe("pkg:gem/nokogiri@1.15.4");
  });
});

const gemfileLock = dedent(`
  GIT
    remote: https://github.com/rails/rails.git
    revision: 0123456789abcdef0123456789abcdef01234567
    branch: main
    specs:
      actionpack (7.2.0.alpha)
        rack (>= 2.2.4)

  PATH
    remote: engines/billing
    specs:
      billing (0.1.0)
        rails (>= 7.0)

  GEM
    remote: https://rubygems.org/
    specs:
      concurrent-ruby (1.2.2)
      nokogiri (1.15.4-x86_64-linux)
        racc (~> 1.4)
      nokogiri (1.15.4-arm64-darwin)
        racc (~> 1.4)
      racc (1.7.1)
      rack (2.2.8)
      rails-html-sanitizer (1.6.0.rc1)
        loofah (~> 2.21)

  PLATFORMS
    arm64-darwin
    x86_64-linux

  DEPENDENCIES
    actionpack!
    billing!
    nokogiri
    rack (~> 2.2)

  BUNDLED WITH
     2.4.19
`);

describe("Gemfile.lock", () => {
  it("lists GEM and GIT specs without platform suffixes, PATH gems left out", async () => {
    expect(await found(gemfileLockDetector, "app/Gemfile.lock", gemfileLock)).toEqual([
      "actionpack@7.2.0.alpha",
      "concurrent-ruby@1.2.2",
      "nokogiri@1.15.4",
      "racc@1.7.1",
      "rack@2.2.8",
      "rails-html-sanitizer@1.6.0.rc1",
    ]);
  });

  it("reads CRLF line endings", async () => {
    expect(await found(gemfileLockDetector, "Gemfile.lock", gemfileLock.replace(/\n/g, "\r\n"))).toHaveLength(6);
  });
});
