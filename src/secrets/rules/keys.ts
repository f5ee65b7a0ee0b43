// Keys and credentials that belong to no one provider: private keys, JWTs, credentials in URLs
// and commands, Kubernetes Secret manifests, and the catch-all "a secret-looking name is
// assigned a random-looking value". Generic rules come last in the rule order: a specific rule
// that finds the same secret wins.
import type { SecretRule } from "../types.js";
import { token } from "./build.js";
import { ALNUM, B64, B64URL, fake } from "./fake.js";

const pemBody = (salt: string, lines = 6): string =>
  Array.from({ length: lines }, (_, i) => fake(B64, 64, `${salt}${i}`)).join("\n");
const pem = (label: string, salt: string): string => `-----BEGIN ${label}-----\n${pemBody(salt)}\n-----END ${label}-----`;
const b64 = (s: string): string => Buffer.from(s).toString("base64");
const jwtPart = (json: string): string => Buffer.from(json).toString("base64url");
const fakeJwt = (salt: string): string =>
  `${jwtPart('{"alg":"HS256","typ":"JWT"}')}.${jwtPart(`{"sub":"${fake(ALNUM, 12, salt)}","iat":1700000000}`)}.${fake(B64URL, 43, `${salt}sig`)}`;

export const KEY_RULES: SecretRule[] = [
  token({
    id: "MAM-SEC-001",
    slug: "private-key",
    title: "Private key",
    severity: "critical",
    gitleaks: "private-key",
    keywords: ["private key-----", "private key block-----"],
    scope: "block",
    maxLength: 32768,
    // RSA, EC, DSA, OpenSSH, PKCS#8 (plain and encrypted) and PGP armour all share this frame.
    regex: `-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----([\\s\\S]{40,}?)-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----`,
    entropy: 4,
    examples: {
      path: "id_rsa",
      match: [
        pem("RSA PRIVATE KEY", "rsa"),
        pem("OPENSSH PRIVATE KEY", "ssh"),
        pem("EC PRIVATE KEY", "ec"),
        pem("PRIVATE KEY", "pkcs8"),
        pem("ENCRYPTED PRIVATE KEY", "enc"),
        `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: test\n\n${pemBody("pgp")}\n-----END PGP PRIVATE KEY BLOCK-----`,
        `key = "-----BEGIN RSA PRIVATE KEY-----\\n${fake(B64, 64, "esc1")}\\n${fake(B64, 64, "esc2")}\\n-----END RSA PRIVATE KEY-----"`,
      ],
      noMatch: [
        `-----BEGIN PUBLIC KEY-----\n${pemBody("pub")}\n-----END PUBLIC KEY-----`,
        `-----BEGIN CERTIFICATE-----\n${pemBody("cert")}\n-----END CERTIFICATE-----`,
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      ],
    },
  }),
  token({
    id: "MAM-SEC-002",
    slug: "putty-private-key",
    title: "PuTTY private key",
    severity: "critical",
    keywords: ["putty-user-key-file-"],
    scope: "block",
    maxLength: 16384,
    regex: `PuTTY-User-Key-File-[23]:[^\\n]*\\n(?:[^\\n]*\\n){1,40}?Private-Lines:[ \\t]*[0-9]+\\r?\\n((?:[A-Za-z0-9+/=]+\\r?\\n?){1,80})`,
    entropy: 4,
    examples: {
      path: "key.ppk",
      match: [`PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: test\nPublic-Lines: 2\n${fake(B64, 64, "pp1")}\n${fake(B64, 20, "pp2")}\nPrivate-Lines: 1\n${fake(B64, 64, "pp3")}\nPrivate-MAC: ${fake("0-9a-f", 64, "pp4")}\n`],
      noMatch: [`PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 2\n${fake(B64, 64, "pp1")}\n`],
    },
  }),
  {
    id: "MAM-SEC-003",
    slug: "pkcs12-file",
    title: "PKCS#12 key store file",
    severity: "medium",
    keywords: [],
    path: "(?i)(?:^|/)[^/]+\\.p(?:12|fx)$",
    description: "A PKCS#12 file usually holds a private key with its certificate chain, protected at most by a password.",
    references: { gitleaks: "pkcs12-file" },
    examples: { path: "certs/client.p12", match: [""], noMatch: [] },
  },
  token({
    id: "MAM-SEC-004",
    slug: "age-secret-key",
    title: "age secret key",
    severity: "critical",
    gitleaks: "age-secret-key",
    keywords: ["age-secret-key-1"],
    regex: `\\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\\b`,
    entropy: 3,
    examples: { match: [`# created: 2024\nAGE-SECRET-KEY-1${fake("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, "age")}`], noMatch: [`AGE-SECRET-KEY-1${fake("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 20, "age-s")}`] },
  }),
  token({
    id: "MAM-SEC-005",
    slug: "jwt",
    title: "JSON Web Token",
    severity: "medium",
    gitleaks: "jwt",
    keywords: ["eyj"],
    maxLength: 16384,
    regex: `\\b(eyJ[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]*)(?:[^A-Za-z0-9_\\-.=]|$)`,
    entropy: 3,
    allowlists: [{ description: "the jwt.io documentation token", regexes: ["\\.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lI"] }],
    examples: {
      match: [`Authorization: Bearer ${fakeJwt("jwt1")}`, `token: "${fakeJwt("jwt2")}"`],
      noMatch: [`eyJhbGciOiJIUzI1NiJ9`, `${jwtPart('{"alg":"HS256","typ":"JWT"}')}.${"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"}.${fake(B64URL, 43, "jwtio")}`],
    },
  }),
  token({
    id: "MAM-SEC-006",
    slug: "jwt-base64",
    title: "Base64-encoded JSON Web Token",
    severity: "medium",
    gitleaks: "jwt-base64",
    // base64 of "eyJhbGciOi", "eyJ0eXAiOi", "eyJraWQiOi": a JWT whose header opens with alg, typ or kid.
    keywords: ["zxlkagjhy2lpau", "zxlkmgvyqwlpau", "zxlkcmfxuwlpau"],
    maxLength: 16384,
    regex: `\\b((?:ZXlKaGJHY2lPaU|ZXlKMGVYQWlPaU|ZXlKcmFXUWlPaU)[A-Za-z0-9+/]{60,}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
    entropy: 3,
    examples: { match: [`JWT_B64=${b64(fakeJwt("jwt64"))}`], noMatch: [`ZXlKaGJHY2lPaU${fake(B64, 10, "jwt64-s")}`] },
  }),
  token({
    id: "MAM-SEC-007",
    slug: "kubernetes-secret-manifest",
    title: "Kubernetes Secret manifest with data",
    gitleaks: "kubernetes-secret-yaml",
    path: "(?i)\\.ya?ml$",
    keywords: ["kind: secret", "kind: \"secret\"", "kind: 'secret'"],
    scope: "block",
    maxLength: 8192,
    regex: `(?i)\\bkind:[ \\t]*["']?secret["']?[ \\t]*\\r?\\n(?:[^\\n]*\\n){0,40}?[ \\t]*(?:data|stringdata):[ \\t]*\\r?\\n(?:[ \\t]*#[^\\n]*\\n)*[ \\t]+[\\w.\\-]+:[ \\t]*["']?([A-Za-z0-9+/=._\\-]{8,})["']?[ \\t]*(?:\\r?\\n|$)`,
    entropy: 3,
    examples: {
      path: "deploy/secret.yaml",
      match: [`apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${b64(fake(ALNUM, 18, "k8s"))}\n`],
      noMatch: [`apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: {{ .Values.password | b64enc }}\n`, `kind: ConfigMap\ndata:\n  mode: ${fake(ALNUM, 18, "cm")}\n`],
    },
  }),
  token({
    id: "MAM-SEC-008",
    slug: "curl-auth-header",
    title: "Credential in a curl Authorization header",
    severity: "medium",
    gitleaks: "curl-auth-header",
    keywords: ["curl"],
    scope: "block",
    maxLength: 2048,
    regex:
      `\\bcurl\\b(?:[^\\n]|\\\\\\r?\\n)*?[ \\t](?:-H|--header)[ \\t=]*["']?` +
      `(?:(?i:authorization)[ \\t]*:[ \\t]*(?:(?i:bearer|token|basic)[ \\t]+)?|(?i:x-[a-z\\-]*(?:api-?key|token))[ \\t]*:[ \\t]*)` +
      `([A-Za-z0-9._~+/=\\-]{8,})`,
    entropy: 3,
    examples: {
      path: "deploy.sh",
      match: [`curl -s -H "Authorization: Bearer ${fake(B64URL, 40, "curl")}" https://api.internal/v1`, `curl https://api.internal \\\n  --header 'X-Api-Key: ${fake(ALNUM, 32, "curl2")}'`],
      noMatch: [`curl -H "Authorization: Bearer $TOKEN" https://api.internal`, `curl -H "Content-Type: application/json" https://api.internal`],
    },
  }),
  token({
    id: "MAM-SEC-009",
    slug: "curl-basic-auth",
    title: "Credential in a curl --user option",
    severity: "medium",
    gitleaks: "curl-auth-user",
    keywords: ["curl"],
    scope: "block",
    maxLength: 2048,
    regex: `\\bcurl\\b(?:[^\\n]|\\\\\\r?\\n)*?[ \\t](?:-u|--user)[ \\t=]*["']?([^\\s"':$]{2,}:[^\\s"'$]{3,})`,
    entropy: 2.5,
    allowlists: [{ description: "placeholder passwords", stopwords: [":password", ":passwd", ":pass", ":secret", ":token", ":test", ":admin"] }],
    examples: {
      path: "deploy.sh",
      match: [`curl -u deploy:${fake(ALNUM, 20, "curlu")} https://repo.internal/upload`],
      noMatch: [`curl -u "$USER:$PASS" https://repo.internal`, `curl -u admin:password https://localhost`],
    },
  }),
  token({
    id: "MAM-SEC-010",
    slug: "url-credentials",
    maxLength: 512,
    title: "Password in a URL",
    keywords: ["://"],
    regex: `\\b[A-Za-z][A-Za-z0-9+.\\-]{1,20}://[^\\s:/@'"\x60]+:([^\\s:/@'"\x60$<>{}]{3,})@[A-Za-z0-9.\\-_]+`,
    entropy: 2.5,
    allowlists: [
      { description: "local and documentation hosts", regexTarget: "match", regexes: ["@(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|example\\.(?:com|org|net)|host|hostname)(?:[^A-Za-z0-9.\\-]|$)"] },
      { description: "placeholder passwords", stopwords: ["password", "passwd", "secret", "pass", "pwd", "postgres", "mysql", "root", "admin", "guest", "test", "user"] },
    ],
    examples: {
      match: [`DATABASE_URL=postgres://app:${fake(ALNUM, 24, "url")}@db.prod.internal:5432/app`, `https://ci:${fake(B64URL, 30, "url2")}@git.internal/org/repo.git`],
      noMatch: [`postgres://postgres:postgres@localhost:5432/db`, `https://user:password@example.com`, `postgres://app:\${DB_PASSWORD}@db:5432/app`, `https://github.com/org/repo`],
    },
  }),
  token({
    id: "MAM-SEC-011",
    slug: "netrc-password",
    title: "Password in a .netrc file",
    path: "(?:^|/)[._]netrc$",
    keywords: ["password"],
    regex: `(?i:\\bpassword)[ \\t]+([^\\s]{3,})`,
    entropy: 2,
    examples: { path: "root/.netrc", match: [`machine git.internal login ci password ${fake(ALNUM, 20, "netrc")}`], noMatch: [`machine git.internal login ci`] },
  }),
  token({
    id: "MAM-SEC-090",
    slug: "generic-secret-assignment",
    title: "Secret assigned in configuration or code",
    severity: "medium",
    gitleaks: "generic-api-key",
    generic: true,
    maxLength: 256,
    keywordOffset: 24,
    keywords: ["passw", "secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", "access-key", "credential", "private_key"],
    // The name may start up to 20 characters earlier (db_password, MY_API_KEY): those characters
    // belong to the match so that the allowlist below can judge the whole name. Values hold a
    // digit or a symbol, and no ".", ":" or inner "=": that leaves out identifiers, expressions
    // (a.b.c, x=y) and URLs, which in code would otherwise match every few lines only to be
    // allowlisted, at the price of few real secrets (base64 padding stays).
    regex:
      `(?i)[\\w.\\-]{0,20}?(?:passw(?:or)?d|secret|token|api[_\\-]?key|access[_\\-]?key|credentials?|private[_\\-]?key)[\\w.\\-]{0,30}?` +
      `[ \\t]*["']?[ \\t]*(?:=>|:=|[=:])[ \\t]*["'\\x60]?((?:[A-Za-z_\\-]{9,}[0-9!#$%&*+/?@^~]|[A-Za-z_\\-]*[0-9!#$%&*+/?@^~][A-Za-z0-9!#$%&*+/?@^_~\\-]{3})[A-Za-z0-9!#$%&*+/?@^_~\\-]*={0,3})(?:["'\\x60;,]|[ \\t]|$)`,
    entropy: 3.3,
    allowlists: [
      {
        description: "identifiers and expressions, not values",
        regexes: ["^[A-Za-z_\\-]+$", "^[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+$", "^(?:https?|file)://"],
      },
      {
        description: "names that describe a secret rather than hold one",
        regexTarget: "match",
        regexes: [
          "(?i)^[\\w.\\-]*?(?:url|uri|endpoint|path|file|dir|name|type|ids?|length|len|size|count|format|mode|header|prefix|version|ttl|timeout|expires?|expiry|algorithm|algo|policy|field|hash|salt|validity|env|var)[\"']?[ \\t]*[\"']?[ \\t]*(?:=>|:=|[=:])",
          "(?i)^[\\w.\\-]*?(?:csrf|xsrf|public|page|next|cursor|continuation|sync|lexer|parser)",
        ],
      },
      { description: "placeholder values", stopwords: ["password", "passwd", "secret", "token", "****", "....", "true", "false", "null", "none", "undefined", "test"] },
    ],
    examples: {
      path: "config/app.yaml",
      match: [`db_password: "${fake("A-Za-z0-9!#%", 18, "gen1")}"`, `API_KEY=${fake(ALNUM, 32, "gen2")}`, `client_secret = '${fake(B64URL, 40, "gen3")}'`],
      noMatch: [
        `password: \${DB_PASSWORD}`,
        `token_url: https://oauth.internal/token/${fake(ALNUM, 20, "gen4")}`,
        `secret = os.environ["APP_SECRET"]`,
        `password = config.database.password`,
        `csrf_token = "${fake(ALNUM, 32, "gen5")}"`,
        `password = "password123"`,
        `api_key = get_api_key()`,
      ],
    },
  }),
];
