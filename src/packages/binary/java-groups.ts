// Maven groupIds of well-known artifact families whose jars often carry no pom.properties (built
// with Gradle or Ant) and no usable group in their manifest: without a group an archive has no
// Maven coordinates, and these families are too widely deployed, and too often in advisories, to
// leave unnamed. A key names the artifactId itself and every "<key>-..." artifactId; the longest
// key wins; keys are narrow where a prefix is shared with other projects. Families whose group changed between major versions (Hibernate, Groovy, OkHttp, ASM)
// are absent rather than sometimes wrong.
const FAMILIES: Readonly<Record<string, string>> = {
  // Spring Framework's own modules; Spring's other projects have groups of their own.
  ...family("org.springframework", [
    "spring-aop", "spring-aspects", "spring-beans", "spring-context", "spring-core", "spring-expression", "spring-instrument",
    "spring-jcl", "spring-jdbc", "spring-jms", "spring-messaging", "spring-orm", "spring-oxm", "spring-r2dbc", "spring-test",
    "spring-tx", "spring-web", "spring-webflux", "spring-webmvc", "spring-websocket",
  ]),
  "spring-boot": "org.springframework.boot",
  "spring-boot-admin": "de.codecentric",
  "spring-security": "org.springframework.security",
  "spring-data": "org.springframework.data",
  "spring-cloud": "org.springframework.cloud",
  "spring-session": "org.springframework.session",
  "spring-batch": "org.springframework.batch",
  "spring-integration": "org.springframework.integration",
  "spring-kafka": "org.springframework.kafka",
  "spring-amqp": "org.springframework.amqp",
  "spring-rabbit": "org.springframework.amqp",
  "spring-ws": "org.springframework.ws",
  "spring-graphql": "org.springframework.graphql",
  // Kotlin's own artifacts; "kotlin-logging" and friends belong to others.
  ...family("org.jetbrains.kotlin", [
    "kotlin-stdlib", "kotlin-reflect", "kotlin-script-runtime", "kotlin-scripting", "kotlin-compiler", "kotlin-daemon",
    "kotlin-test", "kotlin-annotations", "kotlin-main-kts",
  ]),
  "kotlinx-coroutines": "org.jetbrains.kotlinx",
  "kotlinx-serialization": "org.jetbrains.kotlinx",
  ...family("io.grpc", [
    "grpc-api", "grpc-auth", "grpc-context", "grpc-core", "grpc-grpclb", "grpc-inprocess", "grpc-netty", "grpc-okhttp",
    "grpc-protobuf", "grpc-services", "grpc-stub", "grpc-util", "grpc-xds",
  ]),
  "reactor-core": "io.projectreactor",
  "reactor-netty": "io.projectreactor.netty",
  micrometer: "io.micrometer",
  ...family("io.opentelemetry", [
    "opentelemetry-api", "opentelemetry-common", "opentelemetry-context", "opentelemetry-exporter", "opentelemetry-extension", "opentelemetry-sdk",
  ]),
  "opentelemetry-instrumentation": "io.opentelemetry.instrumentation",
  "opentelemetry-javaagent": "io.opentelemetry.javaagent",
  "opentelemetry-semconv": "io.opentelemetry.semconv",
  "junit-jupiter": "org.junit.jupiter",
  "junit-platform": "org.junit.platform",
  "junit-vintage": "org.junit.vintage",
  jna: "net.java.dev.jna",
  okio: "com.squareup.okio",
  protobuf: "com.google.protobuf",
  caffeine: "com.github.ben-manes.caffeine",
  jsr305: "com.google.code.findbugs",
  h2: "com.h2database",
  hamcrest: "org.hamcrest",
  // Apache Commons: the older components are their own group, the newer ones org.apache.commons.
  ...Object.fromEntries(
    ["beanutils", "chain", "cli", "codec", "collections", "digester", "fileupload", "io", "lang", "logging", "net"].map((c) => [`commons-${c}`, `commons-${c}`]),
  ),
  ...family("org.apache.commons", ["commons-collections4", "commons-compress", "commons-configuration2", "commons-lang3", "commons-text"]),
};

function family(groupId: string, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, groupId]));
}

export function knownGroupId(artifactId: string): string | undefined {
  for (let key = artifactId; key !== ""; key = key.slice(0, Math.max(0, key.lastIndexOf("-")))) {
    const group = FAMILIES[key];
    if (group !== undefined && Object.hasOwn(FAMILIES, key)) return group;
  }
  return undefined;
}
