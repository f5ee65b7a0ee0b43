// One pull's conversation with a registry: authorization (anonymous, Basic, or a Bearer token from
// the token service the registry's 401 challenge names) and redirects to blob storage.
import type { Agent } from "undici";
import { InputError } from "../../core/errors.js";
import { basicAuthorization, parseChallenge } from "./registry-auth.js";
import type { Challenge, Credentials } from "./registry-auth.js";
import { checkUrl, discard, header, httpGet, readBounded } from "./registry-http.js";
import type { HttpResponse } from "./registry-http.js";
import type { RegistryRef } from "./registry-ref.js";

const maxRedirects = 5;
const maxTokenResponse = 1 << 20;
const maxErrorBody = 64 * 1024;

export class RegistrySession {
  private authorization: string | undefined;
  private readonly base: URL;

  constructor(
    readonly ref: RegistryRef,
    private readonly dispatcher: Agent,
    private readonly insecure: boolean,
    private readonly credentials: Credentials | undefined,
  ) {
    this.base = new URL(`${insecure ? "http" : "https"}://${ref.apiHost}/v2/${ref.repository}/`);
    checkUrl(this.base, insecure, ref.display);
  }

  /**
   * GETs `path` under /v2/<repository>/, authorizing on the first 401 and following redirects.
   * Answers with the final response whatever its status; a 401 that survives authorization throws.
   */
  async get(path: string, accept?: string): Promise<HttpResponse> {
    const url = new URL(path, this.base);
    let r = await this.send(url, accept);
    if (r.status === 401) {
      const challenge = parseChallenge(header(r.headers, "www-authenticate") ?? "");
      discard(r.body);
      // Also when a token was already in use: tokens expire (Docker Hub's after 5 minutes) during long pulls.
      await this.authorize(challenge);
      r = await this.send(url, accept);
      if (r.status === 401) {
        discard(r.body);
        throw this.authFailed(401);
      }
    }
    return r;
  }

  private async send(url: URL, accept: string | undefined): Promise<HttpResponse> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { "user-agent": "mamori" };
      if (accept !== undefined) headers.accept = accept;
      // Credentials go to the registry only, never to the storage a blob redirects to.
      if (this.authorization !== undefined && current.origin === this.base.origin) headers.authorization = this.authorization;
      const r = await httpGet(current, headers, this.dispatcher, this.ref.display);
      if (![301, 302, 303, 307, 308].includes(r.status)) return r;
      discard(r.body);
      const location = header(r.headers, "location");
      if (location === undefined) throw new InputError(`${this.ref.display}: ${current.host} answered ${r.status} without a Location`);
      if (hop >= maxRedirects) throw new InputError(`${this.ref.display}: more than ${maxRedirects} redirects from ${url.host}`);
      current = new URL(location, current);
      checkUrl(current, this.insecure, `${this.ref.display}: redirect`);
    }
  }

  private async authorize(challenge: Challenge | undefined): Promise<void> {
    if (challenge?.scheme === "basic") {
      if (this.credentials === undefined) throw this.needsCredentials();
      this.authorization = basicAuthorization(this.credentials);
      return;
    }
    if (challenge?.scheme !== "bearer" || challenge.params.realm === undefined) {
      throw new InputError(`${this.ref.display}: the registry asks for authentication Mamori does not speak (WWW-Authenticate: ${challenge?.scheme ?? "none"})`);
    }
    this.authorization = `Bearer ${await this.fetchToken(challenge.params)}`;
  }

  private async fetchToken(params: Record<string, string>): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(params.realm ?? "");
    } catch {
      throw new InputError(`${this.ref.display}: the registry names a token service that is not a URL (realm "${(params.realm ?? "").slice(0, 100)}")`);
    }
    checkUrl(realm, this.insecure, `${this.ref.display}: token service`);
    if (params.service !== undefined) realm.searchParams.set("service", params.service);
    realm.searchParams.set("scope", params.scope ?? `repository:${this.ref.repository}:pull`);
    const headers: Record<string, string> = { "user-agent": "mamori" };
    if (this.credentials !== undefined) headers.authorization = basicAuthorization(this.credentials);
    const r = await httpGet(realm, headers, this.dispatcher, this.ref.display);
    if (r.status === 401 || r.status === 403) {
      discard(r.body);
      throw this.credentials === undefined ? this.needsCredentials() : this.authFailed(r.status, `token service ${realm.host}`);
    }
    const what = `${this.ref.display}: token from ${realm.host}`;
    if (r.status !== 200) {
      discard(r.body);
      throw new InputError(`${what}: HTTP ${r.status}`);
    }
    const body = await readBounded(r.body, maxTokenResponse, what);
    let json: { token?: unknown; access_token?: unknown };
    try {
      json = JSON.parse(body.toString("utf8")) as typeof json;
    } catch {
      throw new InputError(`${what}: the answer is not JSON`);
    }
    const token = typeof json.token === "string" && json.token !== "" ? json.token : json.access_token;
    if (typeof token !== "string" || token === "") throw new InputError(`${what}: the answer holds no token`);
    if (/[\r\n]/.test(token)) throw new InputError(`${what}: the token is not a header value`);
    return token;
  }

  private needsCredentials(): InputError {
    return new InputError(`${this.ref.display}: the registry requires credentials: give --username and --password, or log in with docker login`);
  }

  private authFailed(status: number, by = this.ref.apiHost): InputError {
    const with_ = this.credentials !== undefined ? ` with the credentials from ${this.credentials.source}` : " anonymously";
    return new InputError(`${this.ref.display}: authentication failed (HTTP ${status} from ${by}${with_})`);
  }

  /** The registry's own explanation of a failure, from its JSON error body when there is one. */
  async explain(r: HttpResponse): Promise<string> {
    let detail = "";
    try {
      const body = await readBounded(r.body, maxErrorBody, this.ref.display);
      const json = JSON.parse(body.toString("utf8")) as { errors?: { code?: unknown; message?: unknown }[] };
      const first = json.errors?.[0];
      if (first !== undefined) detail = [first.code, first.message].filter((x) => typeof x === "string" && x !== "").join(": ");
    } catch {
      discard(r.body);
    }
    return `HTTP ${r.status}${detail !== "" ? ` (${detail.replace(/\s+/g, " ").slice(0, 200)})` : ""}`;
  }
}
